// A register file's bytes to text, refusing anything that is not UTF-8: a file saved by Excel as plain "CSV" is
// Windows-1252, and reading it as UTF-8 would turn "Seán Désirée" into "Se�n D�sir�e" on the register for good.

const HOW_TO_FIX = 'In Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.';

export type Decoded = { ok: true; text: string } | { ok: false; problem: string };

const lineOf = (bytes: Uint8Array, at: number) => {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** The first byte where the text stops being UTF-8, or -1. */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeRegister(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: `The file is saved as "Unicode Text" (UTF-16), not as CSV UTF-8. ${HOW_TO_FIX}` };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const at = Math.max(0, firstBadByte(bytes));
    return { ok: false, problem: `The file is not saved as UTF-8: line ${lineOf(bytes, at)} has a character (often an accented letter such as é) in another encoding, which would be stored garbled. Nothing was read. ${HOW_TO_FIX}` };
  }
}

/** Text that was already read with the wrong encoding carries U+FFFD where each letter was lost. */
export function garbledLine(text: string): number | null {
  const at = text.indexOf("\uFFFD");
  if (at < 0) return null;
  return text.slice(0, at).split("\n").length;
}

export function garbledProblem(line: number): string {
  return `Line ${line} of the file holds "\uFFFD", a letter lost when the file was saved or converted in another encoding than UTF-8. Nothing was read. ${HOW_TO_FIX}`;
}

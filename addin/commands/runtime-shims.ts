// The three globals MSAL's nested-app sign-in needs that classic Outlook's event runtime may lack, filled in only when
// missing. That runtime is "a JavaScript engine supplemented with support for WebSockets, Full CORS and
// OfficeRuntime.storage" (Microsoft Learn, "Runtimes in Office Add-ins" > "JavaScript-only runtime",
// https://learn.microsoft.com/office/dev/add-ins/testing/runtimes); crypto has been seen missing there
// (AzureAD/microsoft-authentication-library-for-js#8412, OfficeDev/office-js#4450).

type Globals = {
  crypto?: { getRandomValues?: <T extends ArrayBufferView | null>(array: T) => T; subtle?: unknown };
  atob?: (data: string) => string;
  TextDecoder?: unknown;
  window?: unknown;
};

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** atob for the base64 of a JWT's parts. */
export function decodeBase64(data: string): string {
  const clean = data.replace(/[\s=]+/g, "");
  let out = "";
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error("The string to be decoded is not correctly encoded.");
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** UTF-8 bytes to text (what MSAL asks of TextDecoder when it reads the ID token's claims). */
export class Utf8Decoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string {
    if (!input) return "";
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let out = "";
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i++];
      let cp = 0xfffd;
      const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
      if (need === 0) cp = b;
      else if (need > 0 && i + need <= bytes.length) {
        cp = b & (0x3f >> need);
        for (let k = 0; k < need; k++) cp = (cp << 6) | (bytes[i++] & 0x3f);
      }
      out += String.fromCodePoint(cp);
    }
    return out;
  }
}

/**
 * Random bytes for MSAL's request and correlation ids, which only pair a reply from Outlook's sign-in broker with its
 * request. No crypto.subtle is added, so MSAL's own check still refuses any flow that needs real cryptography (PKCE).
 */
function fillRandom<T extends ArrayBufferView | null>(array: T): T {
  if (array) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return array;
}

/** Fills in what is missing on the global object (and on `window`, where MSAL looks); returns what it added. */
export function installEventRuntimeShims(g: Globals = globalThis as Globals): string[] {
  const added: string[] = [];
  const targets = [g, g.window && g.window !== g ? (g.window as Globals) : undefined].filter((t): t is Globals => !!t);
  for (const t of targets) {
    if (!t.crypto) {
      t.crypto = { getRandomValues: fillRandom };
      added.push("crypto.getRandomValues");
    } else if (typeof t.crypto.getRandomValues !== "function") {
      t.crypto.getRandomValues = fillRandom;
      added.push("crypto.getRandomValues");
    }
    if (typeof t.atob !== "function") {
      t.atob = decodeBase64;
      added.push("atob");
    }
    if (typeof t.TextDecoder !== "function") {
      t.TextDecoder = Utf8Decoder;
      added.push("TextDecoder");
    }
  }
  return [...new Set(added)];
}

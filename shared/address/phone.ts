// UK telephone numbers to E.164 (+44…), the form stored in UpcIdentities.Title.
import type { Normalised } from "./result";

export function normalisePhone(raw: string): Normalised<"Phone"> {
  const original = String(raw ?? "").trim();
  // Drop extensions ("x123", "ext. 123") and everything that is punctuation in a written number.
  let s = original.replace(/\s*(?:x|ext\.?|extension)\s*\d+$/i, "");
  if (/[^\d\s()+.\-/]/.test(s)) return { ok: false, error: `"${original}" is not a telephone number.` };
  s = s.replace(/[\s().\-/]/g, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  if (s.startsWith("+44")) s = s.slice(3).replace(/^0/, ""); // "+44 (0)20 …" is common in signatures
  else if (s.startsWith("+")) {
    const digits = s.slice(1);
    if (!/^[1-9]\d{6,14}$/.test(digits)) return { ok: false, error: `"${original}" is not a valid international number.` };
    return { ok: true, value: `+${digits}`, kind: "Phone" };
  } else if (s.startsWith("0")) s = s.slice(1);
  else if (s.startsWith("44") && s.length >= 12) s = s.slice(2);
  else return { ok: false, error: `"${original}" is not a UK number: it should start with 0 or +44.` };
  // UK national significant numbers are 9 or 10 digits (e.g. 20 7946 0000, 7700 900123, 800 123 456).
  if (!/^[1-9]\d{8,9}$/.test(s)) {
    return { ok: false, error: `"${original}" does not have the right number of digits for a UK number.` };
  }
  return { ok: true, value: `+44${s}`, kind: "Phone" };
}

// E-mail addresses as stored in UpcIdentities.Title: trimmed, lower-cased, with mailto: and <…> removed.
import type { Normalised } from "./result";

// Deliberately permissive local part (RFC 5322 atext plus dots): apostrophes, plus signs and Unicode names are real
// addresses of real people (o'brien@…, seán@…); we only refuse what cannot be an address at all.
const LOCAL = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export function normaliseEmail(raw: string): Normalised<"Email"> {
  let s = (raw ?? "").trim();
  if (/^mailto:/i.test(s)) s = s.slice(7).trim();
  const bracketed = s.match(/<([^<>]*)>\s*$/);
  if (bracketed) s = bracketed[1].trim();
  s = s.replace(/^mailto:/i, "").toLowerCase();
  if (!s) return { ok: false, error: "No e-mail address was given." };
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1 || s.indexOf("@") !== at) {
    return { ok: false, error: `"${clip(raw)}" is not an e-mail address: it needs one @ with a name before it and a domain after it.` };
  }
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return { ok: false, error: `"${clip(raw)}" is not an e-mail address: the part before the @ is not valid.` };
  }
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) {
    return { ok: false, error: `"${clip(raw)}" is not an e-mail address: "${clip(domain)}" is not a valid domain.` };
  }
  return { ok: true, value: `${local}@${domain}`, kind: "Email" };
}

/** The domain identity (`@example.org`) an e-mail address belongs to, for whole-organisation matches. */
export function domainOfEmail(normalisedEmail: string): string {
  return normalisedEmail.slice(normalisedEmail.lastIndexOf("@"));
}

function clip(s: string): string {
  const t = String(s ?? "").trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

// Address normalisation: one place that turns what people type or mail headers carry into stored identities.
import { normaliseDomain } from "./domain";
import { normaliseEmail } from "./email";
import { normalisePhone } from "./phone";
import type { Normalised } from "./result";
import type { IdentityKind } from "../domain/vocab";

export { normaliseEmail, domainOfEmail } from "./email";
export { normaliseDomain } from "./domain";
export { normalisePhone } from "./phone";
export type { Normalised } from "./result";

/** Normalise a value of a known kind. */
export function normaliseIdentity(kind: IdentityKind, raw: string): Normalised<IdentityKind> {
  if (kind === "Email") return normaliseEmail(raw);
  if (kind === "Phone") return normalisePhone(raw);
  return normaliseDomain(raw);
}

/** Guess the kind from what was typed: "@x.org" or "x.org" is a domain, "a@b" an e-mail, digits a phone number. */
export function normaliseAnyIdentity(raw: string): Normalised<IdentityKind> {
  const s = String(raw ?? "").trim();
  if (s.startsWith("@")) return normaliseDomain(s);
  if (s.includes("@") || /^mailto:/i.test(s)) return normaliseEmail(s);
  if (/^[+\d(]/.test(s)) return normalisePhone(s);
  if (/^[\w-]+(\.[\w-]+)+$/u.test(s)) return normaliseDomain(s);
  return { ok: false, error: `"${s}" is not an e-mail address, a UK telephone number or a domain.` };
}

// What an officer typed in the subject access search: a case reference, an e-mail address, a telephone number, a whole
// domain (@example.org) or a name.
import { normaliseDomain, normaliseEmail, normalisePhone } from "../address";

export type SubjectQuery =
  | { kind: "caseRef"; value: string }
  | { kind: "email"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "domain"; value: string }
  | { kind: "name"; value: string }
  | { kind: "invalid"; reason: string };

const CASE_REF = /^UPC-\d{4,}$/i;
// Digits with the usual separators, and enough of them to be a number rather than a name.
const PHONE_LIKE = /^\+?[\d\s()-]+$/;

export function classifySubjectQuery(typed: string): SubjectQuery {
  const s = typed.trim().replace(/\s+/g, " ");
  if (!s) return { kind: "invalid", reason: "Type a name, an e-mail address or a case reference to search for." };
  if (CASE_REF.test(s)) return { kind: "caseRef", value: s.toUpperCase() };
  // "@vexford.example": an organisation known by its whole domain.
  if (s.startsWith("@")) {
    const d = normaliseDomain(s);
    return d.ok ? { kind: "domain", value: d.value } : { kind: "invalid", reason: d.error };
  }
  if (s.includes("@")) {
    const e = normaliseEmail(s);
    return e.ok ? { kind: "email", value: e.value } : { kind: "invalid", reason: e.error };
  }
  if (PHONE_LIKE.test(s) && s.replace(/\D/g, "").length >= 7) {
    const p = normalisePhone(s);
    return p.ok ? { kind: "phone", value: p.value } : { kind: "invalid", reason: p.error };
  }
  if (/^upc-/i.test(s)) return { kind: "invalid", reason: "A case reference looks like UPC-0007." };
  if (s.length < 2) return { kind: "invalid", reason: "Type at least the first two letters of the name." };
  return { kind: "name", value: s };
}

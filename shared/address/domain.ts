// Whole-domain identities, stored as "@example.org", so every address at an organisation matches.
import type { Normalised } from "./result";

const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export function normaliseDomain(raw: string): Normalised<"Domain"> {
  let s = (raw ?? "").trim().toLowerCase();
  s = s.replace(/^mailto:/, "").replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  if (s.includes("@")) s = s.slice(s.lastIndexOf("@") + 1);
  s = s.replace(/^www\./, "").replace(/\.$/, "");
  const labels = s.split(".");
  if (!s || labels.length < 2 || !labels.every((l) => LABEL.test(l))) {
    return { ok: false, error: `"${String(raw ?? "").trim()}" is not a domain such as example.org.` };
  }
  return { ok: true, value: `@${s}`, kind: "Domain" };
}

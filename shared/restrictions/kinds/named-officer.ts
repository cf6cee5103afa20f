// NamedOfficer: contact only through one named officer or a generic inbox (or a deputy).
import { z } from "zod";
import { namedOfficerTargetSchema, upn } from "../../domain/restriction-parts";
import { normaliseEmail } from "../../address/email";
import { mayDeal, officerBreachMessage, spocMismatchNote } from "../named-officer";
import { targetLabel } from "../wording";
import { people, phoneOf, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { EMAIL, no, ok } from "./read";

export const schema = z.object({
  kind: z.literal("NamedOfficer"),
  target: namedOfficerTargetSchema,
  deputyUpn: upn.optional(),
  /** The deputy's name, when they were chosen from the directory. */
  deputyName: z.string().trim().min(1).optional(),
});
type Params = z.infer<typeof schema>;

export const namedOfficer: RestrictionKindModule<Params> = {
  kind: "NamedOfficer",
  schema,
  title: "Named officer or generic inbox",
  label: "Contact through a named officer or inbox",
  letterWords: "asking you to contact us only through one named officer or team",
  checkedBy: () => "system",
  describe: (p) => `Contact only through ${targetLabel(p.target)}${p.deputyUpn ? " (or deputy)" : ""}`,
  // Whoever sends (Out) or handles (In) the contact must be the named person or inbox, or a deputy.
  check(p, { proposed, spoc }) {
    const mismatch = spocMismatchNote(p, spoc);
    const notes = mismatch ? [mismatch] : [];
    if (mayDeal(p, proposed.staffUpn, spoc)) return { notes };
    return { breach: officerBreachMessage(p, spoc), notes };
  },
  mailAdvice(p, { label, isSpoc }) {
    if (isSpoc) return `${label}: you are the named contact; deal with it yourself`;
    const where = p.target.kind === "Inbox" ? `${targetLabel(p.target)} (${p.target.address})` : targetLabel(p.target);
    return `${label}: do not reply; forward this to ${where}`;
  },
  // Who deals does not turn on how the customer can communicate.
  adjustmentCues: () => [],
  importExample: "NamedOfficer: jo.bloggs@council.gov.uk (Jo Bloggs), deputy ann.lee@council.gov.uk",
  readImport(a) {
    const m = /^(inbox\s+)?([^\s(,]+)\s*(?:\(([^)]*)\))?\s*(?:,\s*deputy\s+([^\s,]+))?$/i.exec(a);
    if (!m || !EMAIL.test(m[2])) return no("give the officer's work e-mail and name, e.g. jo.bloggs@council.gov.uk (Jo Bloggs)");
    const name = (m[3] ?? "").trim() || m[2];
    const target = m[1] ? { kind: "Inbox" as const, address: m[2], name } : { kind: "Person" as const, upn: m[2], name };
    return ok({ kind: "NamedOfficer", target, ...(m[4] ? { deputyUpn: m[4] } : {}) });
  },
  form: {
    fields: [
      { type: "radio", name: "target", label: "Contact goes to", options: [{ value: "Person", label: "A named officer" }, { value: "Inbox", label: "A generic inbox" }] },
      { type: "person", name: "officer", label: "Named officer", required: true, hint: "Type part of their name, then choose them from the list. Their work e-mail and phone go in the letter.", when: { field: "target", is: "Person" } },
      {
        type: "row",
        when: { field: "target", is: "Inbox" },
        fields: [
          { type: "text", name: "name", label: "Inbox name", required: true },
          { type: "text", name: "address", label: "Inbox address", required: true, email: true },
        ],
      },
      { type: "person", name: "deputy", label: "Deputy (optional)", hint: "Who deals with the customer when the officer is away." },
    ],
    blank: () => ({ target: "Person", officer: [], name: "", address: "", deputy: [] }),
    toParams(v) {
      const [officer] = people(v, "officer");
      const [deputy] = people(v, "deputy");
      return {
        kind: "NamedOfficer",
        target: text(v, "target") === "Person" ? { kind: "Person", upn: officer?.mail ?? "", name: officer?.name.trim() ?? "", ...phoneOf(officer) } : { kind: "Inbox", address: text(v, "address"), name: text(v, "name").trim() },
        ...(deputy ? { deputyUpn: deputy.mail, deputyName: deputy.name.trim() } : {}),
      };
    },
    problems(v) {
      const out: Partial<Record<string, string>> = {};
      if (text(v, "target") === "Person") {
        if (!people(v, "officer").length) out.officer = "Choose the named officer: type part of their name and pick them from the list.";
      } else {
        const address = text(v, "address");
        if (!text(v, "name").trim()) out.name = "Give the inbox a name the customer will recognise, such as “Customer Relations team”.";
        if (!address.trim()) out.address = "Give the inbox's e-mail address, such as customer.relations@council.gov.uk.";
        else if (!normaliseEmail(address).ok) out.address = `“${address.trim()}” is not an e-mail address: check it for typing mistakes.`;
      }
      return out;
    },
    issueField: (v) => (text(v, "target") === "Person" ? "officer" : "address"),
  },
};

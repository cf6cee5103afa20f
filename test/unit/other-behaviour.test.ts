// "Other (describe)": a behaviour outside a policy's list, allowed only where the policy calls its list examples, with a
// description that is required and bounded; how it is stored, read back, shown and counted.
import { caseFields } from "../../graph/caselog/projection-fields";
import { planLists, type ExistingList } from "../../graph/provision/plan";
import { SCHEMA } from "../../graph/schema/lists";
import { caseFromItem, caseToFields } from "../../graph/repos/cases";
import { contactFromItem, contactToFields } from "../../graph/repos/contacts";
import { otherContact } from "../../addin/pane-data/actions";
import { queueEntry } from "../../graph/reports/queue";
import { aggregateReport, OTHER_BUCKET, periodOf } from "../../graph/reports/aggregate";
import { valueWords } from "../../shared/access/words";
import { behaviourWords, OTHER_BEHAVIOUR, OTHER_DESCRIPTION_MAX } from "../../shared/presets/other-behaviour";
import { getPreset, parsePreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { cumbriaFire2023 } from "../../shared/presets/cumbria-fire-2023";
import { parseStepEvent, projectLog, replayLog, type StoredEvent } from "../../shared/register";
import { behaviourChoiceProblems, newCaseFile, referralProblems, transition, type Actor, type WorkflowEvent } from "../../shared/workflow";

const T0 = new Date("2027-01-11T10:00:00Z");
const DESCRIPTION = "Leaves voicemails pretending to be a solicitor";

function preset(id: string): Preset {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

/** Someone the policy lets refer, and a referral complete in every other respect (local resolution where required). */
function referral(p: Preset, behaviours: string[], otherBehaviour?: string): { actor: Actor; event: WorkflowEvent } {
  const actor: Actor = { upn: "mo.manager@upc.test", roles: [...p.refer.actor.roles] };
  const lr = p.localResolution.steps[0];
  const event: WorkflowEvent = {
    type: "Refer",
    behaviours,
    ...(otherBehaviour === undefined ? {} : { otherBehaviour }),
    serviceArea: "Customer Services",
    summary: "Daily calls for a month; log sheets attached.",
    ...(p.localResolution.required && lr ? { localResolution: [{ step: lr.id, note: "Written to, no change." }] } : {}),
  };
  return { actor, event };
}

function refer(p: Preset, behaviours: string[], otherBehaviour?: string) {
  const { actor, event } = referral(p, behaviours, otherBehaviour);
  return transition(locallyResolved(p, actor), event, { preset: p, actor, now: T0 });
}

/** Where the policy monitors local resolution for a set period first, that period recorded and passed. */
function locallyResolved(p: Preset, actor: Actor) {
  const lr = p.localResolution.steps[0];
  if (!p.localResolution.monitorForSetPeriod?.value || !lr) return newCaseFile(p.id);
  const before = new Date(T0.getTime() - 60 * 86_400_000);
  const r = transition(newCaseFile(p.id), { type: "LocalResolutionStep", step: lr.id, note: "Written to, no change.", confirmedInWriting: true, monitorUntil: before.toISOString().slice(0, 10) }, { preset: p, actor, now: new Date(before.getTime() - 30 * 86_400_000) });
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

describe("which policies let staff record a behaviour outside their list", () => {
  // Each policy's own words on its list, and the preset that carries them.
  const OPEN: [string, string, string][] = [
    ["council-ccm-2014", "004_4a3366f45c554bec.txt", "5. What are Unacceptable Customer Behaviours and Actions? — “not intended to cover all possible unacceptable or difficult customer behaviour”"],
    ["southampton-2018", "002_c47487000f646a0a.txt", "Examples of unreasonably persistent and/or vexatious behaviour — “This is not an exhaustive list”"],
    ["hampshire-sendiass", "003_f99db5e613e66c3b.txt", "Examples of communication that is considered persistent and/or vexatious — “This is not an exhaustive list”"],
    ["cumbria-fire-2023", "001_de0aff75e8e4f05c.txt", "2.2 The Process — “the examples given in the definitions section”"],
  ];

  it.each(OPEN)("%s (%s, %s): a referral with “Other” and a description is accepted, the words kept trimmed", (id, file) => {
    const p = preset(id);
    expect(p.file).toBe(file);
    expect(p.behaviours.open?.value).toBe(true);
    const r = refer(p, [p.behaviours.items[0].id, OTHER_BEHAVIOUR], `  ${DESCRIPTION}  `);
    expect(r.ok ? r.file.referral : r.reason).toMatchObject({ behaviours: [p.behaviours.items[0].id, OTHER_BEHAVIOUR], otherBehaviour: DESCRIPTION });
    // "Other" alone is a behaviour: the referral needs no listed one beside it.
    expect(refer(p, [OTHER_BEHAVIOUR], DESCRIPTION).ok).toBe(true);
  });

  it.each(OPEN)("%s (%s, %s): “Other” with no description, or one too short or too long, is refused in words", (id) => {
    const p = preset(id);
    const reason = (d?: string) => {
      const r = refer(p, [OTHER_BEHAVIOUR], d);
      return r.ok ? "accepted" : r.reason;
    };
    expect(reason()).toBe("Describe the behaviour you ticked as “Other”.");
    expect(reason("   ")).toBe("Describe the behaviour you ticked as “Other”.");
    expect(reason(" ab ")).toBe("Describe the other behaviour in at least 3 characters.");
    expect(reason("abc")).toBe("accepted");
    expect(reason("x".repeat(OTHER_DESCRIPTION_MAX))).toBe("accepted");
    expect(reason("x".repeat(OTHER_DESCRIPTION_MAX + 1))).toBe("Describe the other behaviour in 500 characters or fewer (it is 501).");
  });

  it("merseyside-fire-2011 (000_15ef6c37defcaa2d.txt, Definitions — “This Service Instruction covers four definitions:-”): the list is closed, so “Other” is refused in words", () => {
    const p = preset("merseyside-fire-2011");
    expect(p.behaviours.open?.value).toBe(false);
    const r = refer(p, ["vexatious", OTHER_BEHAVIOUR], DESCRIPTION);
    expect(r.ok ? "accepted" : r.reason).toBe(
      "Merseyside Fire & Rescue Service's policy gives a closed list of behaviours, so \"Other\" cannot be recorded. Choose the behaviours from the policy's list.",
    );
    expect(refer(p, ["vexatious"]).ok).toBe(true);
  });

  it("keeps no description when “Other” is not ticked, and a referral without it reads as before", () => {
    const p = preset("cumbria-fire-2023");
    const r = refer(p, ["high-volume"], DESCRIPTION);
    expect(r.ok && r.file.referral).toEqual(expect.not.objectContaining({ otherBehaviour: expect.anything() }));
  });

  it("gives the pane and the workflow one rule: the form's problems carry the field to point at", () => {
    const p = preset("cumbria-fire-2023");
    expect(referralProblems(p, { behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "", summary: "x" })).toEqual([
      { field: "otherBehaviour", reason: "Describe the behaviour you ticked as “Other”." },
    ]);
    // A logged contact need not name a behaviour at all, but what it names follows the same rule.
    expect(behaviourChoiceProblems(p, { behaviours: [] })).toEqual([]);
    expect(behaviourChoiceProblems(preset("merseyside-fire-2011"), { behaviours: [OTHER_BEHAVIOUR], otherBehaviour: DESCRIPTION })[0].field).toBe("behaviours");
  });

  it("refuses an organisation's preset that opens its list yet uses the id “other” for one of its behaviours", () => {
    const input = structuredClone(cumbriaFire2023) as unknown as { behaviours: { items: { id: string; label: string }[] } };
    input.behaviours.items.push({ id: "other", label: "Something else" });
    const r = parsePreset(input);
    expect(r.ok ? [] : r.problems).toContain('behaviours.items: the id "other" is kept for a behaviour outside the list ("Other (describe)"); give this behaviour another id');
  });
});

describe("how “Other” is stored and read back", () => {
  const p = preset("council-ccm-2014");
  const actor = { upn: "mo.manager@upc.test", roles: ["Manager", "Staff"] } as const;
  const opened: StoredEvent = {
    seq: 1,
    event: {
      type: "Opened",
      customer: { name: "Jo Bloggs", caseRef: "UPC-0042", kind: "Individual", policyId: p.id, serviceAreas: "Waste", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" },
      identities: [],
    },
    actor: { ...actor, roles: [...actor.roles] },
    at: "2027-01-10T10:00:00.000Z",
    idempotencyKey: "k1",
    presetVersion: "",
    owed: [],
  };

  it("accepts a Refer step with its description into the log, and still reads one logged before it existed", () => {
    const { event } = referral(p, ["offensive", OTHER_BEHAVIOUR], DESCRIPTION);
    expect(parseStepEvent(event)).toMatchObject({ ok: true, event: { otherBehaviour: DESCRIPTION } });
    expect(parseStepEvent({ type: "Refer", behaviours: ["offensive"], serviceArea: "", summary: "Old step." }).ok).toBe(true);
  });

  it("projects the description to UpcCases.OtherBehaviour beside Behaviours, and reads it back", () => {
    const { event } = referral(p, ["offensive", OTHER_BEHAVIOUR], DESCRIPTION);
    const stored: StoredEvent = { ...opened, seq: 2, event, idempotencyKey: "k2", at: T0.toISOString() };
    const replay = replayLog([opened, stored], getPreset);
    expect(replay.problem).toBeNull();
    const [row] = projectLog(replay.steps).cases;
    const fields = caseFields(row, "42", "k");
    expect(fields).toMatchObject({ Behaviours: ["offensive", OTHER_BEHAVIOUR], OtherBehaviour: DESCRIPTION });
    const read = caseFromItem({ id: "7", fields: { ...fields, CustomerLookupId: "42" } } as never);
    expect(read.otherBehaviour).toBe(DESCRIPTION);
    expect(caseToFields(read).OtherBehaviour).toBe(DESCRIPTION);
  });

  it("adds the OtherBehaviour column to UpcContacts and UpcCases when provisioning updates a site made before it", () => {
    const existing = new Map<string, ExistingList>(
      SCHEMA.map((l) => [l.name, { id: l.key, displayName: l.name, columns: [{ id: "t", name: "Title", indexed: !!l.titleIndexed, enforceUniqueValues: !!l.titleUnique }, ...l.columns.filter((c) => c.name !== "OtherBehaviour").map((c) => ({ id: c.name, name: c.name, indexed: !!c.indexed, enforceUniqueValues: !!c.enforceUniqueValues }))] }]),
    );
    expect(planLists(SCHEMA, existing).map((s) => (s.kind === "addColumn" ? `${s.list.name}.${s.column.name}` : s.kind))).toEqual(["UpcContacts.OtherBehaviour", "UpcCases.OtherBehaviour"]);
  });

  it("reads old UpcCases and UpcContacts rows that have no OtherBehaviour column", () => {
    const old = { Title: "Referral: UPC-0001", CustomerLookupId: "1", Stage: "Referred", ReferredBy: "mo@upc.test", ReferredAt: "2025-01-01T00:00:00Z", Behaviours: ["offensive"] };
    expect(caseFromItem({ id: "1", fields: old } as never)).toMatchObject({ behaviours: ["offensive"], otherBehaviour: undefined });
    const contact = contactFromItem({ id: "2", fields: { Title: "Call", CustomerLookupId: "1", ContactAt: "2025-01-01T00:00:00Z", Channel: "Phone", Direction: "In", StaffUpn: "sam@upc.test", Behaviours: ["offensive"] } } as never);
    expect(contact).toMatchObject({ behaviours: ["offensive"], otherBehaviour: undefined });
  });

  it("logs a contact's “Other” with its words in UpcContacts, and drops them when “Other” is not ticked", () => {
    const card = { customer: { id: "1", name: "Jo", serviceAreas: "Waste" } } as never;
    const input = { channel: "Phone" as const, direction: "In" as const, at: T0, minutes: 5, matterRef: "", behaviours: [OTHER_BEHAVIOUR], otherBehaviour: `  ${DESCRIPTION} `, note: "", screening: "NotScreened" as const };
    const check = { allowed: true, breaches: [], notes: [] } as never;
    const contact = otherContact(card, input, "sam@upc.test", check);
    expect(contact).toMatchObject({ behaviours: [OTHER_BEHAVIOUR], otherBehaviour: DESCRIPTION });
    const fields = contactToFields(contact);
    expect(fields).toMatchObject({ Behaviours: [OTHER_BEHAVIOUR], OtherBehaviour: DESCRIPTION });
    expect(contactFromItem({ id: "3", fields: { ...fields, CustomerLookupId: "1" } } as never).otherBehaviour).toBe(DESCRIPTION);
    expect(otherContact(card, { ...input, behaviours: ["offensive"] }, "sam@upc.test", check).otherBehaviour).toBeUndefined();
  });
});

describe("how “Other” is shown and counted", () => {
  const MARKUP = `<img src=x onerror=alert(1)> shouted`;

  it("reads “Other: <description>” wherever a behaviour is named, the description as plain text", () => {
    const items = preset("cumbria-fire-2023").behaviours.items;
    expect(behaviourWords(OTHER_BEHAVIOUR, items, ` ${MARKUP} `)).toBe(`Other: ${MARKUP}`);
    expect(behaviourWords(OTHER_BEHAVIOUR, items, null)).toBe("Other (not described)");
    expect(behaviourWords("refuses-decision", items)).toBe("Refusing to accept a decision");
    expect(behaviourWords("retired-id", items)).toBe("retired-id");
  });

  it("names it in the referral queue with the referrer's words", () => {
    const k = { id: "9", customerId: "1", title: "", stage: "Referred", referredBy: "mo@upc.test", referredAt: T0.toISOString(), serviceArea: "", behaviours: ["offensive", OTHER_BEHAVIOUR], otherBehaviour: DESCRIPTION, summary: "", localResolution: [], preChecks: {}, vulnerabilityConsidered: false, evidenceContactIds: [] } as never;
    const customer = { id: "1", name: "Jo", caseRef: "UPC-0001", policyId: "council-ccm-2014" } as never;
    expect(queueEntry(k, customer, T0).behaviours).toEqual([
      { id: "offensive", label: "Offensive or insulting behaviour" },
      { id: OTHER_BEHAVIOUR, label: `Other: ${DESCRIPTION}` },
    ]);
  });

  it("says it in the subject access export's words, from the row's OtherBehaviour column", () => {
    expect(valueWords("behaviours", ["offensive", OTHER_BEHAVIOUR], { OtherBehaviour: MARKUP })).toBe(`Offensive or insulting behaviour; Other: ${MARKUP}`);
  });

  it("counts every “Other” in reports as one bucket, whatever words each officer used", () => {
    const period = periodOf("Quarter", new Date("2026-11-22T12:00:00Z"));
    const r = aggregateReport({
      period,
      now: "2026-11-22T12:00:00Z",
      decisions: [
        { outcome: "Restrict", decidedAt: "2026-11-01T09:00:00Z", serviceArea: "Waste", behaviours: ["offensive", OTHER_BEHAVIOUR] },
        { outcome: "Monitor", decidedAt: "2026-11-02T09:00:00Z", serviceArea: "Waste", behaviours: [OTHER_BEHAVIOUR] },
      ],
      restrictions: [],
      customers: [],
      openReviews: [],
      decidedReviews: [],
    });
    expect(r.invocationsByReason.filter((c) => c.key === OTHER_BEHAVIOUR)).toEqual([expect.objectContaining({ count: 2, label: OTHER_BUCKET })]);
  });
});

// Cumbria's warning rule (001_de0aff75e8e4f05c.txt, 2.2 The Process): a warning must be recorded before the policy is
// applied, except where police involvement or legal action protects staff. A decision logged under the exception earlier
// versions offered ("warning-futile") is history: its log still replays, though no new decision may use it.
import { valueWords } from "../../shared/access/words";
import { getPreset } from "../../shared/presets/registry";
import { replayLog, type StoredEvent } from "../../shared/register";
import { newCaseFile, transition, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { dee, sam } from "../support/actors";

const preset = getPreset("cumbria-fire-2023")!;
const T0 = new Date("2027-01-11T10:00:00Z");
const ALL_CHECKS = Object.fromEntries(preset.preChecks.items.map((c) => [c.id, true]));
const REFER: WorkflowEvent = { type: "Refer", behaviours: ["high-volume"], serviceArea: "Fire Safety", summary: "Forty e-mails in a week to six officers." };
const restrict = (warningException?: { id: string; reason: string }): WorkflowEvent => ({
  type: "Decide",
  outcome: "Restrict",
  reasons: "Contact continues at the same volume.",
  preChecks: ALL_CHECKS,
  vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }],
  ...(warningException ? { warningException } : {}),
});

/** Referred with no warning on record. */
function unwarned(): CaseFile {
  const r = transition(newCaseFile(preset.id), REFER, { preset, actor: sam, now: T0 });
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

describe("cumbria-fire-2023: deciding without a prior warning (2.2 The Process)", () => {
  it("refuses the old “warning-futile” exception: “a warning will have no effect” says when to consider the policy, not that the warning may be skipped", () => {
    const r = transition(unwarned(), restrict({ id: "warning-futile", reason: "Previous letters made no difference." }), { preset, actor: dee, now: T0 });
    expect(r.ok ? "accepted" : r.reason).toMatch(/^A warning must be recorded before the policy is applied, unless police involvement or legal action/);
  });

  it("refuses a decision with no warning and no exception, naming the one exception in the policy's words", () => {
    const r = transition(unwarned(), restrict(), { preset, actor: dee, now: T0 });
    expect(r.ok ? "accepted" : r.reason).toMatch(/^A warning must be recorded before the policy is applied, unless police involvement or legal action, where behaviour considered to be harassment/);
  });

  it("accepts police involvement or legal action to protect staff, with a reason, and records it", () => {
    const exception = { id: "staff-safety", reason: "Threatened an officer at the station; police informed." };
    const r = transition(unwarned(), restrict(exception), { preset, actor: dee, now: T0 });
    expect(r.ok ? r.file.warningException : r.reason).toEqual(exception);
    const blank = transition(unwarned(), restrict({ id: "staff-safety", reason: " " }), { preset, actor: dee, now: T0 });
    expect(blank.ok ? "accepted" : blank.reason).toBe("Give the reason no warning was given.");
  });
});

describe("cumbria-fire-2023: a log holding a decision made under “warning-futile”", () => {
  const opened: StoredEvent = {
    seq: 1,
    event: {
      type: "Opened",
      customer: { name: "Pat Example", caseRef: "UPC-0007", kind: "Individual", policyId: preset.id, serviceAreas: "Fire Safety", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" },
      identities: [],
    },
    actor: sam,
    at: "2026-03-01T09:00:00.000Z",
    idempotencyKey: "k1",
    presetVersion: "old",
    owed: [],
  };
  const log: StoredEvent[] = [
    opened,
    { ...opened, seq: 2, event: REFER, idempotencyKey: "k2", at: "2026-03-02T09:00:00.000Z" },
    { ...opened, seq: 3, event: restrict({ id: "warning-futile", reason: "Previous letters made no difference." }), actor: dee, idempotencyKey: "k3", at: "2026-03-03T09:00:00.000Z" },
  ];

  it("still replays to its end, the decision standing as it was taken", () => {
    const replay = replayLog(log, getPreset);
    expect(replay.problem).toBeNull();
    expect(replay.seq).toBe(3);
    expect(replay.record.file.status).toBe("Restricted");
    expect(replay.record.file.warningException?.id).toBe("warning-futile");
  });

  it("still reads the old exception in words in the subject access export", () => {
    expect(valueWords("json", JSON.stringify({ id: "warning-futile", reason: "No difference." }))).toMatch(/^It is obvious from previous correspondence that a warning will have no effect/);
  });
});

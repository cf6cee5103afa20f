// A property of the register's log, under each of the five policies: for random sequences of steps, what is saved and
// loaded back is exactly the case file the steps produced in memory, and the lists hold exactly what the log stands for
// (projecting it again changes nothing).
import { londonDateKey } from "../../shared/time/calendar";
import { loadLog, openCustomer, projectCustomer, takeStep } from "../../graph/caselog";
import type { Site } from "../../graph/repos/items";
import type { RestrictionParams } from "../../shared/domain/restriction-params";
import { PRESETS } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { applyStep, replayLog, type CaseRecord, type StepEvent } from "../../shared/register";
import type { Actor, RestrictionDraft } from "../../shared/workflow";
import { getPreset } from "../../shared/presets/registry";
import { admin, dan, dee, mo, remi, rory, sam } from "../support/actors";
import { startProduct, type Product } from "../support/product";

const DAY = 86_400_000;
const PEOPLE: Actor[] = [sam, mo, dee, dan, rory, remi, admin];
let p: Product;
let site: Site;
beforeAll(async () => {
  p = await startProduct();
  site = { graph: p.app, siteId: "root" };
}, 60_000);
afterAll(() => p?.close());

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)) };
}

function paramsFor(kind: RestrictionParams["kind"]): RestrictionParams {
  switch (kind) {
    case "SingleChannel": return { kind, channel: "Letter" };
    case "NamedOfficer": return { kind, target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } };
    case "CallSlots": return { kind, slots: [{ day: "Tue", from: "10:00", to: "12:00" }] };
    case "CallLength": return { kind, maxMinutes: 15 };
    case "ContactQuota": return { kind, max: 2, per: "Week", channel: "Email" };
    case "NoSameMatter": return { kind, matterRefs: ["HOU-1001"] };
    case "PremisesAccess": return { kind, premises: "Civic Centre", byAppointment: true };
    case "BlockElectronic": return { kind, includePhone: false };
    default: return { kind } as RestrictionParams;
  }
}

/**
 * Steps that make sense for where the case stands (some will still be refused, which must store nothing): the ones
 * that move the case on, and the ones that can happen at any time.
 */
function candidates(preset: Preset, r: CaseRecord, now: Date, rnd: ReturnType<typeof random>): { onward: StepEvent[]; any: StepEvent[] } {
  const f = r.file;
  const checks = Object.fromEntries(preset.preChecks.items.map((c) => [c.id, true]));
  const drafts = (): RestrictionDraft[] => {
    const kind = rnd.pick(preset.restrictions.kinds);
    return [{ params: paramsFor(kind), endsAt: new Date(now.getTime() + rnd.int(60, 200) * DAY).toISOString() }];
  };
  const decideBase = { reasons: "The behaviour continued after advice.", preChecks: checks, vulnerabilityConsidered: true, ...(preset.warning.exceptions[0] ? { warningException: { id: preset.warning.exceptions[0].id, reason: "Threats made to staff." } } : {}) };
  const any: StepEvent[] = [
    { type: "Warn", level: rnd.pick(["Informal", "Formal"] as const), note: "Told the volume of calls is affecting the service." },
    { type: "DetailsChanged", changes: { staffGuidance: `Guidance ${rnd.int(1, 99)}`, spocUpn: rnd.pick(["kim.officer@upc.test", null]) }, reason: "Agreed at the case meeting." },
    { type: "IdentityAdded", identity: { kind: "Email", value: `alias.${rnd.int(1, 9999)}@example.org` }, evidence: "Wrote from it with the case reference." },
  ];
  const out: StepEvent[] = [];
  // Where the policy watches the behaviour for a set period after local resolution, the manager sets its end.
  const monitorUntil = preset.localResolution.monitorForSetPeriod?.value ? { monitorUntil: londonDateKey(new Date(now.getTime() + rnd.int(2, 20) * DAY)) } : {};
  if (preset.localResolution.steps.length) any.push({ type: "LocalResolutionStep", step: rnd.pick(preset.localResolution.steps).id, note: "Met and agreed a contact plan.", confirmedInWriting: true, ...monitorUntil });
  if (["Observed", "Warned", "Closed"].includes(f.status)) out.push({ type: "Refer", behaviours: [preset.behaviours.items[0].id], serviceArea: "Housing", summary: "Daily e-mails to several officers.", preChecks: checks, vulnerabilityConsidered: true, localResolution: preset.localResolution.steps.slice(0, 1).map((s) => ({ step: s.id, note: "Tried." })) });
  if (f.status === "Referred") {
    out.push({ type: "WithdrawReferral", reason: "Resolved on the phone." });
    for (const d of preset.decisions) out.push({ type: "Decide", outcome: d.outcome, ...decideBase, ...(d.outcome === "Restrict" || d.outcome === "Extend" ? { restrictions: drafts() } : {}) });
  }
  if (f.status === "Monitoring") {
    out.push({ type: "MonitoringEnded", acceptable: rnd.next() < 0.5, reasons: "Contact over the period." });
    out.push({ type: "Decide", outcome: "Restrict", ...decideBase, restrictions: drafts() }, { type: "Decide", outcome: "Lift", reasons: "No longer needed." }, { type: "Decide", outcome: "Extend", reasons: "Still daily." });
  }
  if (f.status === "Restricted") {
    out.push({ type: "ReviewDecided", outcome: rnd.pick(["Upheld", "Varied", "Removed", "Extended"] as const), reasons: "Reviewed against the log.", restrictions: drafts() });
    out.push({ type: "AppealLodged", receivedAt: now.toISOString(), inWriting: true, grounds: "I was not listened to." });
    out.push({ type: "AppealDecided", outcome: rnd.pick(["Upheld", "Varied", "Removed"] as const), reasons: "Heard independently.", restrictions: drafts() });
    out.push({ type: "InviteExtensionComment" }, { type: "Decide", outcome: "Lift", reasons: "Behaviour improved." });
  }
  // Letters owed hold the next decision: send them first, mostly.
  if (f.lettersOwed.length && rnd.next() < 0.7) out.length = 0;
  for (const kind of new Set(f.lettersOwed)) {
    const rule = preset.letters.find((l) => l.kind === kind);
    out.push({ type: "LetterSent", kind, elements: rule?.elements ?? [], content: { title: `${kind} letter`, body: "Dear customer, …", channel: "Letter", postedOn: londonDateKey(now), receivedOn: londonDateKey(new Date(now.getTime() + 2 * DAY)) } });
    if (preset.noLetter?.kinds.includes(kind)) out.push({ type: "LetterWithheld", kind, reason: "Would inflame matters." });
  }
  return { onward: out, any };
}

describe.each(PRESETS.map((x) => [x.id, x] as const))("under %s", (_id, preset) => {
  it("saves and loads back exactly the case file the steps made, and projects it to the lists exactly", { timeout: 120_000 }, async () => {
    const seen = new Set<string>();
    for (let walk = 0; walk < 5; walk++) {
      const rnd = random(20261130 + walk * 7919 + preset.id.length);
      let now = new Date(Date.UTC(2027, 0, 4, 9));
      const opened = await openCustomer(site, {
        event: { type: "Opened", customer: { name: `Walk ${walk} ${preset.id}`, kind: "Individual", policyId: preset.id, serviceAreas: "Housing", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: `walk.${walk}.${preset.id}@example.org` }] },
        actor: sam,
        idempotencyKey: `walk-${preset.id}-${walk}-open`,
        now,
      });
      if (!opened.ok) throw new Error(opened.reason);
      const id = opened.customerId;
      let record = opened.record;
      let memory = opened.record;
      let accepted = 1;
      for (let n = 0; n < 24; n++) {
        now = new Date(now.getTime() + rnd.int(1, 45) * DAY + rnd.int(0, 3600) * 1000);
        const c = candidates(preset, record, now, rnd);
        const event = rnd.pick(c.onward.length && rnd.next() < 0.8 ? c.onward : c.any);
        // Someone the policy lets take this step, if there is anyone: judged in memory first, as the UI would ask.
        const actor = PEOPLE.find((a) => applyStep(record, event, { preset, actor: a, now, first: false }).ok) ?? rnd.pick(PEOPLE);
        const r = await takeStep(site, id, { event, actor, idempotencyKey: `walk-${preset.id}-${walk}-${n}`, now });
        const local = applyStep(memory, event, { preset, actor, now: new Date(Math.ceil(now.getTime() / 1000) * 1000), first: false });
        expect(r.ok, `${event.type} by ${actor.upn}: ${r.ok ? "" : r.reason}`).toBe(local.ok);
        if (!r.ok || !local.ok) continue;
        accepted++;
        seen.add(`${event.type}${"outcome" in event ? `:${String(event.outcome)}` : ""}`);
        expect(r.record).toEqual(local.record);
        record = r.record;
        memory = local.record;
      }
      const loaded = await loadLog(site, id);
      expect(loaded.events).toHaveLength(accepted);
      const replay = replayLog(loaded.events, getPreset);
      expect(replay.problem).toBeNull();
      // Save, then load: exactly the case file (and customer) the steps made in memory.
      expect(replay.record).toEqual(memory);
      // The lists already say what the log says: projecting again writes nothing.
      expect(await projectCustomer(site, id)).toMatchObject({ changes: [], drift: false, seq: accepted, problem: null });
    }
    // The walks reached decisions and letters, not only the early steps.
    expect([...seen].some((x) => x.startsWith("Decide:"))).toBe(true);
    // Merseyside's policy defers its restrictions to a Service Instruction, and neither it nor Hampshire's names a
    // letter (the national decision letter is an organisation setting, off here), so nothing there owes a letter.
    if (preset.restrictions.kinds.length && preset.letters.length) expect(seen.has("LetterSent")).toBe(true);
    console.log(`${preset.id}: ${[...seen].sort().join(", ")}`);
  });
});

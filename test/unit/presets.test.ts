// The five policy presets: they parse, cite real text, hold each policy's known facts and leave silences null.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { presetSchema, type Citation, type Preset } from "../../shared/presets/schema";
import { PRESETS, PRESET_IDS, getPreset, missingSettings, parsePreset } from "../../shared/presets/registry";
import { cumbriaFire2023 } from "../../shared/presets/cumbria-fire-2023";

// The policy texts live beside the repository (../shared); the quote checks run only where they are present.
const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));
const haveTexts = existsSync(`${SHARED_DIR}policies`);
if (!haveTexts) {
  // Loud, and fatal in CI: the quote check is what proves each citation is the policy's own words.
  if (process.env.CI) throw new Error(`The policy texts are missing at ${SHARED_DIR}policies: the citation check cannot run.`);
  console.warn(`SKIPPING the citation check: the policy texts are not at ${SHARED_DIR}policies.`);
}
const NATIONAL = "POLICIES.md";

function preset(id: string): Preset {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

/** Every citation in a preset, found by walking it, so new rules are checked without listing them here. */
function citations(value: unknown, out: Citation[] = []): Citation[] {
  if (Array.isArray(value)) for (const v of value) citations(v, out);
  else if (value && typeof value === "object") {
    const rec = value as Record<string, unknown>;
    if (typeof rec.file === "string" && typeof rec.section === "string" && Object.keys(rec).length === 2) {
      out.push({ file: rec.file, section: rec.section });
    } else for (const v of Object.values(rec)) citations(v, out);
  }
  return out;
}

const normalise = (s: string) => s.replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim();

function text(file: string): string {
  return normalise(readFileSync(file === NATIONAL ? `${SHARED_DIR}${NATIONAL}` : `${SHARED_DIR}policies/${file}`, "utf8"));
}

describe("policy presets", () => {
  it("has the five presets, each parsing, with unique ids", () => {
    expect(PRESET_IDS).toEqual(["merseyside-fire-2011", "cumbria-fire-2023", "southampton-2018", "hampshire-sendiass", "council-ccm-2014"]);
    expect(new Set(PRESET_IDS).size).toBe(5);
    for (const p of PRESETS) expect(presetSchema.safeParse(p).success).toBe(true);
    expect(new Set(PRESETS.map((p) => p.file)).size).toBe(5);
  });

  it("returns undefined for an unknown preset id", () => {
    expect(getPreset("nope")).toBeUndefined();
    expect(getPreset("cumbria-fire-2023")?.organisation).toMatch(/Cumbria/);
  });

  it("cites only the five policy files or POLICIES.md", () => {
    const files = new Set([...PRESETS.map((p) => p.file), NATIONAL]);
    for (const p of PRESETS) {
      const cites = citations(p);
      expect(cites.length).toBeGreaterThan(20);
      for (const c of cites) expect(files, `${p.id}: ${c.section}`).toContain(c.file);
      // National guidance is for generic facts; most rules must come from the policy itself.
      expect(cites.filter((c) => c.file === p.file).length).toBeGreaterThan(cites.length / 2);
    }
  });

  it.skipIf(!haveTexts)("quotes each policy word for word and names headings that exist", () => {
    for (const p of PRESETS) {
      expect(existsSync(`${SHARED_DIR}policies/${p.file}`)).toBe(true);
      for (const c of citations(p)) {
        const body = text(c.file);
        const [heading] = c.section.split(" — ");
        for (const h of heading.split("; ")) expect(body, `${p.id}: heading "${h}"`).toContain(normalise(h));
        for (const [, quote] of c.section.matchAll(/“([^”]+)”/g)) {
          // An ellipsis inside a quote marks an elision: the parts must appear in order.
          let from = 0;
          for (const part of quote.split("…").map(normalise).filter(Boolean)) {
            const at = body.indexOf(part, from);
            expect(at, `${p.id} (${c.file}): “${part}”`).toBeGreaterThanOrEqual(0);
            from = at + part.length;
          }
        }
      }
    }
  });

  it("keeps behaviour, pre-check and local-resolution ids unique within each preset", () => {
    for (const p of PRESETS) {
      for (const list of [p.behaviours.items, p.preChecks.items, p.localResolution.steps, p.warning.exceptions]) {
        const ids = list.map((i) => i.id);
        expect(new Set(ids).size, p.id).toBe(ids.length);
      }
      expect(new Set(p.decisions.map((d) => d.outcome)).size).toBe(p.decisions.length);
      expect(new Set(p.letters.map((l) => l.kind)).size).toBe(p.letters.length);
    }
  });

  it("never limits statutory requests, under any preset", () => {
    for (const p of PRESETS) {
      expect(p.neverLimits.items.join("|")).toMatch(/Freedom of Information/);
      expect(p.neverLimits.items.join("|")).toMatch(/Subject access/);
    }
  });

  it("offers Declined wherever someone decides", () => {
    for (const p of PRESETS) expect(p.decisions.map((d) => d.outcome)).toContain("Declined");
  });

  describe("cumbria-fire-2023", () => {
    const p = preset("cumbria-fire-2023");
    it("reviews after 6 months and hears appeals in writing within 14 days, decided within 28 by an independent senior manager", () => {
      expect(p.reviewIntervalMonths.value).toBe(6);
      expect(p.appeal.available.value).toBe(true);
      expect(p.appeal.windowDays.value).toBe(14);
      expect(p.appeal.decisionDays.value).toBe(28);
      expect(p.appeal.inWriting).toBe(true);
      expect(p.appeal.actor).toMatchObject({ roles: ["Reviewer"], title: "an independent senior manager" });
    });
    it("has six pre-checks and every indicator the policy lists", () => {
      expect(p.preChecks.items).toHaveLength(6);
      // The text lists 5 + 2 + 18 indicators under "Staff may recognise one or more of the following indicators".
      expect(p.behaviours.items).toHaveLength(25);
    });
    it("requires a warning unless futile or staff are at risk, and a senior manager decides", () => {
      expect(p.warning.required).toBe(true);
      expect(p.warning.exceptions.map((e) => e.id)).toEqual(["warning-futile", "staff-safety"]);
      const restrict = p.decisions.find((d) => d.outcome === "Restrict");
      expect(restrict?.actor).toMatchObject({ roles: ["Decider"], title: "a senior manager" });
      expect(p.decisions.map((d) => d.outcome)).not.toContain("Monitor");
    });
    it("allows its six restriction options and never limits 999", () => {
      expect(p.restrictions.kinds).toEqual(
        expect.arrayContaining(["CallLength", "CallSlots", "SingleChannel", "NamedOfficer", "Witness", "NoSameMatter", "PremisesAccess"]),
      );
      expect(p.neverLimits.items.join()).toMatch(/999/);
    });
    it("writes a complete restriction letter, tells staff and counts invocations per function", () => {
      const letter = p.letters.find((l) => l.kind === "Restriction");
      expect(letter?.elements).toEqual(expect.arrayContaining(["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"]));
      expect(p.staffNotice?.events).toEqual(["Restricted"]);
      expect(p.reportsPerServiceArea.value).toBe(true);
      expect(missingSettings(p)).toEqual([{ path: "retentionYearsAfterEnd", label: expect.any(String) }]);
    });
  });

  describe("council-ccm-2014", () => {
    const p = preset("council-ccm-2014");
    it("monitors for about three months, judged by the Executive Director with the Business Manager", () => {
      expect(p.monitoringDays.value).toBeGreaterThanOrEqual(89);
      expect(p.monitoringDays.value).toBeLessThanOrEqual(92);
      expect(p.monitoringDays.source.section).toMatch(/three months/);
      expect(p.monitoringEnd?.actor.title).toMatch(/Executive Director/);
      expect(p.monitoringEnd?.actor.with.join()).toMatch(/Business Manager/);
    });
    it("decides to invoke jointly, leaves sanctions to the Chief Executive and offers no appeal", () => {
      const by = (o: string) => p.decisions.find((d) => d.outcome === o)?.actor;
      expect(by("Monitor")).toMatchObject({ roles: ["Decider"], title: "Head of Service" });
      expect(by("Monitor")?.with).toHaveLength(2);
      expect(by("Restrict")?.title).toBe("the Chief Executive");
      expect(by("Extend")?.title).toBe("the Chief Executive");
      expect(by("Lift")).toBeUndefined();
      expect(p.appeal.available.value).toBe(false);
      expect(missingSettings(p).map((m) => m.path)).not.toContain("appeal.windowDays");
    });
    it("names six behaviours, a six-element monitoring letter, a thank-you letter and staff notices", () => {
      expect(p.behaviours.items).toHaveLength(6);
      expect(p.letters.find((l) => l.kind === "Monitoring")?.elements).toEqual([
        "behaviour",
        "expectations",
        "monitoringPeriod",
        "spoc",
        "potentialOutcome",
        "policyCopy",
      ]);
      expect(p.letters.map((l) => l.kind)).toEqual(expect.arrayContaining(["ThankYou", "Restriction", "Extension", "StaffNotice"]));
      expect(p.staffNotice?.recipients).toHaveLength(5);
      expect(p.staffNotice?.events).toEqual(["MonitoringStarted", "MonitoringEnded", "SanctionApplied"]);
      expect(p.restrictions.kinds).toEqual(["ContactQuota", "CallSlots", "NoContact"]);
    });
  });

  describe("southampton-2018", () => {
    const p = preset("southampton-2018");
    it("keeps records 6 years after restrictions end and reviews them yearly", () => {
      expect(p.retentionYearsAfterEnd.value).toBe(6);
      expect(p.reviewIntervalMonths.value).toBe(12);
    });
    it("needs the customer invited to comment before an extension", () => {
      expect(p.extensionNeedsComment.value).toBe(true);
      expect(p.letters.map((l) => l.kind)).toContain("Extension");
    });
    it("requires local resolution confirmed in writing, then the CRM decides consulting the Head of Legal", () => {
      expect(p.localResolution.required).toBe(true);
      expect(p.localResolution.confirmedInWriting).toBe(true);
      expect(p.localResolution.steps.map((s) => s.id)).toEqual(["spoc", "agreed-contact", "communication-style"]);
      const restrict = p.decisions.find((d) => d.outcome === "Restrict");
      expect(restrict?.actor.title).toMatch(/Complaints Resolution Manager/);
      expect(restrict?.actor.with.join()).toMatch(/Legal/);
      expect(p.decisions.map((d) => d.outcome)).not.toContain("Monitor");
    });
    it("has an appeal to the Service Director with no stated window or decision time", () => {
      expect(p.appeal.available.value).toBe(true);
      expect(p.appeal.windowDays.value).toBeNull();
      expect(p.appeal.decisionDays.value).toBeNull();
      expect(p.appeal.actor?.roles).toEqual(["Reviewer"]);
      expect(missingSettings(p).map((m) => m.path)).toEqual(["appeal.windowDays", "appeal.decisionDays", "reportsPerServiceArea"]);
    });
    it("may withhold the letter after a review that lifts restrictions", () => {
      expect(p.noLetter?.kinds).toEqual(["Lifted"]);
      expect(p.restrictions.kinds).toEqual(expect.arrayContaining(["SeriousOnly", "NewIssuesOnly", "BlockElectronic"]));
    });
  });

  describe("merseyside-fire-2011", () => {
    const p = preset("merseyside-fire-2011");
    it("leaves the review interval, appeal and restriction options to the admin", () => {
      expect(p.reviewIntervalMonths.value).toBeNull();
      expect(p.appeal.windowDays.value).toBeNull();
      expect(p.appeal.available.value).toBeNull();
      expect(p.restrictions.kinds).toEqual([]);
      const paths = missingSettings(p).map((m) => m.path);
      expect(paths).toEqual(expect.arrayContaining(["appeal.windowDays", "reviewIntervalMonths", "restrictions.kinds", "retentionYearsAfterEnd"]));
      expect(missingSettings(p).find((m) => m.path === "appeal.windowDays")?.label).toBe("Appeal window (days)");
    });
    it("has four categories, a Director decides, and its pre-checks come first", () => {
      expect(p.behaviours.items.map((b) => b.id)).toEqual(["vexatious", "persistent", "resource-intensive", "abusive"]);
      expect(p.decisions.find((d) => d.outcome === "Restrict")?.actor.title).toBe("a Director");
      expect(p.preChecks.items.map((c) => c.id)).toEqual(
        expect.arrayContaining(["meeting-held", "vulnerability-assessed", "customer-explained", "evidence-not-anecdote", "workload-evidenced", "last-resort"]),
      );
      expect(p.vulnerabilityMustBeConsidered.value).toBe(true);
    });
  });

  describe("hampshire-sendiass", () => {
    const p = preset("hampshire-sendiass");
    it("requires local resolution before blocking, decided by a support worker or manager", () => {
      expect(p.localResolution.required).toBe(true);
      expect(p.localResolution.steps.map((s) => s.id)).toEqual(
        expect.arrayContaining(["change-of-communication", "spoc", "agreed-frequency", "inappropriate-style-named", "ignore-unless-open-enquiry", "new-issues-only"]),
      );
      // 003_f99db5e613e66c3b.txt "Dealing with unreasonably persistent and/or vexatious communication": besides blocking,
      // "the service will ignore communication unless it is relevant to an open enquiry" and "Other relevant resolutions".
      expect(p.restrictions.kinds).toEqual(["BlockElectronic", "OpenEnquiryOnly", "Described"]);
      expect(p.decisions.find((d) => d.outcome === "Restrict")?.actor.roles).toEqual(["Manager", "Decider"]);
    });
    it("sends challenges to the complaints policy, whose terms the admin must set", () => {
      expect(p.appeal.available.value).toBe(true);
      expect(p.appeal.available.source.section).toMatch(/complaint policy/);
      expect(missingSettings(p).map((m) => m.path)).toEqual(expect.arrayContaining(["appeal.windowDays", "appeal.actor"]));
    });
  });
});

describe("parsePreset", () => {
  type Json = Record<string, unknown>;
  const clone = (): Json => JSON.parse(JSON.stringify(cumbriaFire2023)) as Json;
  /** Sets (or, with undefined, deletes) the value at a dotted path such as "decisions.0.outcome". */
  function edit(obj: Json, path: string, value: unknown): Json {
    const keys = path.split(".");
    const last = keys.pop() as string;
    const parent = keys.reduce<Json>((o, k) => o[k] as Json, obj);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    return obj;
  }

  it("accepts a valid organisation preset", () => {
    const result = parsePreset(clone());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.preset.reviewIntervalMonths.value).toBe(6);
  });

  it("gives readable problems with their paths", () => {
    const broken = clone();
    edit(broken, "appeal.windowDays.value", -3);
    edit(broken, "appeal.decisionDays.value", 2.5);
    edit(broken, "id", "My Preset");
    edit(broken, "decisions.0.outcome", "Banish");
    edit(broken, "retentionYearsAfterEnd.value", "six");
    edit(broken, "title", undefined);
    edit(broken, "behaviours.items", []);
    const result = parsePreset(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "appeal.windowDays.value: must be a whole number of days from 1 to 365",
        "appeal.decisionDays.value: must be a whole number of days from 1 to 365",
        "id: must use only lower-case letters, digits and hyphens",
        "decisions[0].outcome: must be one of: Declined, Monitor, Restrict, Extend, Lift",
        "retentionYearsAfterEnd.value: must be a whole number of years from 0 to 50",
        "title: is missing",
        "behaviours.items: must list at least 1",
      ]),
    );
    expect(result.problems).toHaveLength(7);
  });

  // Issue: a custom preset with retentionYearsAfterEnd 1e9 was accepted (a retention date that cannot exist).
  it("refuses numbers beyond any sane policy, in words", () => {
    const broken = clone();
    edit(broken, "retentionYearsAfterEnd.value", 1e9);
    edit(broken, "monitoringDays.value", 100_000);
    edit(broken, "reviewIntervalMonths.value", 1200);
    edit(broken, "appeal.windowDays.value", 10_000);
    const result = parsePreset(broken);
    expect(result).toEqual({
      ok: false,
      problems: [
        "monitoringDays.value: must be a whole number of days from 1 to 730",
        "reviewIntervalMonths.value: must be a whole number of months from 1 to 60",
        "appeal.windowDays.value: must be a whole number of days from 1 to 365",
        "retentionYearsAfterEnd.value: must be a whole number of years from 0 to 50",
      ],
    });
  });

  it("refuses duplicated ids that zod alone would accept", () => {
    const broken = clone();
    const items = (broken.preChecks as Json).items as Json[];
    items.push({ ...items[0] });
    const result = parsePreset(broken);
    expect(result).toEqual({ ok: false, problems: ['preChecks.items: the id "manager-consulted" appears more than once'] });
  });

  it("refuses something that is not a preset at all", () => {
    expect(parsePreset(42)).toEqual({ ok: false, problems: ["(the preset): must be a group of settings"] });
  });

  it("accepts null where a policy is silent and lists it for the admin", () => {
    const own = edit(edit(clone(), "id", "our-council"), "appeal.windowDays.value", null);
    const result = parsePreset(own);
    expect(result.ok).toBe(true);
    if (result.ok) expect(missingSettings(result.preset)).toContainEqual({ path: "appeal.windowDays", label: "Appeal window (days)" });
  });
});

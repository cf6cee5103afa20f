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
      // Merseyside defers most of its rules to a Service Instruction, so it has the fewest citations of its own.
      expect(cites.length).toBeGreaterThan(15);
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

  // No rule without a quote: the national guidance is not any of these policies' text, so no rule may rest on it.
  // Restrictions lapsing at review and the decision letter's national elements are organisation settings now.
  it("cites no rule to the national guidance: lapse at review and the national letter are not in any preset", () => {
    for (const p of PRESETS) {
      expect(p, p.id).not.toHaveProperty("lapseAtReview");
      const national = citations({ ...p, neverLimits: null }).filter((c) => c.file === NATIONAL);
      expect(national.map((c) => c.section), p.id).toEqual([]);
      for (const l of p.letters) expect(l.source.file, `${p.id} ${l.kind} letter`).toBe(p.file);
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
    it.skipIf(!haveTexts)("labels its 25 indicators (Procedure, 001_de0aff75e8e4f05c.txt) in the text's words: each is its bullet, shortened only by leaving words out", () => {
      const body = readFileSync(`${SHARED_DIR}policies/${p.file}`, "utf8");
      const procedure = body.slice(body.indexOf("Staff may recognise one or more"), body.indexOf("2.2 The Process"));
      // The bullets in order, each with the words of the list it sits under (its lead-in), as the policy sets them out.
      const lists = procedure.split(/\n(?=They make complaints|Unacceptable behaviour can include|The following customer actions)/).slice(1);
      const bullets = lists.flatMap((list) => {
        const [leadIn, ...items] = list.split(/\n\s*- /);
        return items.map((item) => ({ leadIn: leadIn.trim(), item: item.trim() }));
      });
      expect(lists).toHaveLength(3);
      expect(bullets).toHaveLength(25);
      const words = (t: string) => t.toLowerCase().replace(/[‘’]/g, "'").split(/[^a-z0-9']+/).filter((w) => w && w !== "'");
      /** Whether every word of `short` appears in `long`, in order: `long` with words left out. */
      const elision = (short: string, long: string) => {
        const have = words(long);
        let at = 0;
        for (const w of words(short)) {
          at = have.indexOf(w, at);
          if (at < 0) return false;
          at++;
        }
        return true;
      };
      p.behaviours.items.forEach((b, i) => {
        const { leadIn, item } = bullets[i];
        // The first list's bullets finish its lead-in ("They make complaints, requests, concerns or enquiries that:").
        const source = i < 5 ? `${leadIn} ${item}` : item;
        expect(elision(b.label, source), `${b.id}: “${b.label}” is not “${source}” shortened`).toBe(true);
        // Shortened, not gutted: the label keeps most of a short bullet and the heart of a long one.
        expect(words(b.label).length, b.id).toBeGreaterThanOrEqual(Math.min(words(item).length, 5));
      });
    });
    it("requires a warning unless police involvement or legal action protects staff, and a senior manager decides (2.2 The Process, 001_de0aff75e8e4f05c.txt)", () => {
      expect(p.warning.required).toBe(true);
      // “may not need to give the customer prior warning” is said only of police involvement or legal action to protect
      // staff; “Where it is obvious from previous correspondence that a warning will have no effect” is no exception.
      expect(p.warning.exceptions.map((e) => e.id)).toEqual(["staff-safety"]);
      expect(p.warning.exceptions[0].label).toMatch(/^Police involvement or legal action, where behaviour considered to be harassment, aggressive or a threat to staff safety and welfare/);
      expect(p.warning.retiredExceptions?.map((e) => e.id)).toEqual(["warning-futile"]);
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
      expect(p.staffNotice?.audiences.map((a) => [a.event, a.offices])).toEqual([["Restricted", ["staff-and-managers"]]]);
      expect(p.reportsPerServiceArea.value).toBe(true);
      expect(missingSettings(p)).toEqual([{ path: "retentionYearsAfterEnd", label: expect.any(String) }]);
    });
  });

  describe("council-ccm-2014", () => {
    const p = preset("council-ccm-2014");
    // 004_4a3366f45c554bec.txt §6: "monitored for a period of three months, or less if deemed appropriate" — a period in
    // calendar months, which may be shorter, running from "Once the letter has been received".
    it("monitors for three calendar months or less (§6), from receipt of the letter, judged by the Executive Director with the Business Manager", () => {
      expect(p.monitoringPeriod.value).toEqual({ unit: "months", count: 3 });
      expect(p.monitoringPeriod.source.section).toMatch(/three months/);
      expect(p.monitoringPeriod.orLess?.value).toBe(true);
      expect(p.monitoringPeriod.orLess?.source.section).toMatch(/or less if deemed appropriate/);
      expect(p.monitoringPeriod.startsFrom?.value).toBe("letterReceived");
      expect(p.monitoringPeriod.startsFrom?.source.section).toMatch(/Once the letter has been received/);
      expect(p.monitoringEnd?.actor.title).toMatch(/Executive Director/);
      expect(p.monitoringEnd?.actor).toMatchObject({ office: "executive-director", jointly: ["business-manager"] });
    });
    // 004_4a3366f45c554bec.txt §6: "ask the customer not to contact the Council for a period of time after which the
    // Customer Case Management Policy will be invoked again to monitor contact for a further period of three months."
    it("follows a no-contact period with three calendar months' monitoring, invoked again (§6)", () => {
      expect(p.afterNoContact).toEqual({ monitorFor: { unit: "months", count: 3 }, startsFrom: "invoked", source: expect.objectContaining({ file: p.file }) });
      expect(p.afterNoContact?.source.section).toMatch(/invoked again to monitor contact for a further period of three months/);
      for (const other of PRESETS.filter((x) => x.id !== p.id)) expect(other.afterNoContact, other.id).toBeUndefined();
    });
    it("decides to invoke jointly, leaves sanctions to the Chief Executive and offers no appeal", () => {
      const by = (o: string) => p.decisions.find((d) => d.outcome === o)?.actor;
      expect(by("Monitor")).toMatchObject({ office: "head-of-service", jointly: ["business-manager", "executive-director"] });
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
      // §6 names a different audience for each notice: the text's own lists, exactly.
      const audience = (event: string) => p.staffNotice?.audiences.find((a) => a.event === event)?.offices.map((id) => p.offices.find((o) => o.id === id)?.title);
      expect(audience("MonitoringStarted")).toEqual(["the Chief Executive", "Executive Directors", "Heads of Service", "Business Managers", "Elected Members"]);
      expect(audience("MonitoringEnded")).toEqual(["the Chief Executive", "Executive Directors", "Heads of Service", "Business Managers", "Elected Members", "all Council staff"]);
      expect(audience("SanctionApplied")).toEqual(["Executive Directors", "Heads of Service", "Business Managers", "Elected Members"]);
      expect(audience("NoContact")).toEqual(["all Council staff", "Elected Members"]);
      expect(p.restrictions.kinds).toEqual(["ContactQuota", "CallSlots", "NoContact"]);
    });
  });

  describe("southampton-2018", () => {
    const p = preset("southampton-2018");
    it("keeps records 6 years after restrictions end and reviews them yearly", () => {
      expect(p.retentionYearsAfterEnd.value).toBe(6);
      expect(p.reviewIntervalMonths.value).toBe(12);
    });
    // 002_c47487000f646a0a.txt, Review: "Where necessary the review period will be adjusted given the personal
    // circumstances of the customer". Dealing with …: "monitored for a set period" after local resolution.
    it("allows the review period to be adjusted per customer (Review) and watches local resolution for a set period (Dealing with …)", () => {
      expect(p.reviewAdjustable?.value).toBe(true);
      expect(p.reviewAdjustable?.source.section).toMatch(/^Review — .*review period will be adjusted given the personal circumstances/);
      expect(p.localResolution.monitorForSetPeriod?.value).toBe(true);
      expect(p.localResolution.monitorForSetPeriod?.source.section).toMatch(/monitored for a set period/);
      for (const other of PRESETS.filter((x) => x.id !== p.id)) {
        expect(other.reviewAdjustable?.value ?? false, other.id).toBe(false);
        expect(other.localResolution.monitorForSetPeriod?.value ?? false, other.id).toBe(false);
      }
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
      expect(restrict?.actor).toMatchObject({ office: "complaints-resolution-manager", consulted: ["head-of-legal"] });
      expect(p.decisions.map((d) => d.outcome)).not.toContain("Monitor");
    });
    it("has an appeal to the Service Director with no stated window or decision time", () => {
      expect(p.appeal.available.value).toBe(true);
      expect(p.appeal.windowDays.value).toBeNull();
      expect(p.appeal.decisionDays.value).toBeNull();
      expect(p.appeal.actor?.roles).toEqual(["Reviewer"]);
      expect(missingSettings(p).map((m) => m.path)).toEqual(["vulnerabilityMustBeConsidered", "appeal.windowDays", "appeal.decisionDays", "reportsPerServiceArea"]);
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
    edit(broken, "monitoringPeriod.value", { unit: "days", count: 100_000 });
    edit(broken, "reviewIntervalMonths.value", 1200);
    edit(broken, "appeal.windowDays.value", 10_000);
    const result = parsePreset(broken);
    expect(result).toEqual({
      ok: false,
      problems: [
        "monitoringPeriod.value.count: must be a whole number from 1 to 730 days or from 1 to 24 months",
        "reviewIntervalMonths.value: must be a whole number of months from 1 to 60",
        "appeal.windowDays.value: must be a whole number of days from 1 to 365",
        "retentionYearsAfterEnd.value: must be a whole number of years from 0 to 50",
      ],
    });
  });

  // Old data must keep working: an organisation's preset written for an older version still reads.
  it("reads an older preset's monitoringDays as a period in days and ignores its lapseAtReview", () => {
    const old = clone();
    delete old.monitoringPeriod;
    old.monitoringDays = { value: 60, source: { file: "ours.txt", section: "Monitoring — “sixty days”" } };
    old.lapseAtReview = { value: true, source: { file: "POLICIES.md", section: "What the national guidance adds" } };
    const result = parsePreset(old);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preset.monitoringPeriod).toEqual({ value: { unit: "days", count: 60 }, source: { file: "ours.txt", section: "Monitoring — “sixty days”" } });
    expect(result.preset).not.toHaveProperty("lapseAtReview");
    expect(result.preset).not.toHaveProperty("monitoringDays");
  });

  it("reports a wrong value in an older preset's monitoringDays under that name", () => {
    const old = clone();
    delete old.monitoringPeriod;
    old.monitoringDays = { value: 100_000, source: { file: "ours.txt", section: "Monitoring" } };
    expect(parsePreset(old)).toEqual({ ok: false, problems: ["monitoringDays.value: must be a whole number of days from 1 to 730"] });
    old.monitoringDays = { value: null, source: { file: "ours.txt", section: "Monitoring" } };
    const silent = parsePreset(old);
    expect(silent.ok && silent.preset.monitoringPeriod.value).toBeNull();
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

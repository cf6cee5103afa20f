// The built-in policy presets, validation of an organisation's own preset, and the settings an admin still has to fill in.
import type { z } from "zod";
import { OTHER_BEHAVIOUR } from "./other-behaviour";
import { LIMITS, presetSchema, type ActorRule, type Preset } from "./schema";
import { councilCcm2014 } from "./council-ccm-2014";
import { cumbriaFire2023 } from "./cumbria-fire-2023";
import { hampshireSendiass } from "./hampshire-sendiass";
import { merseysideFire2011 } from "./merseyside-fire-2011";
import { southampton2018 } from "./southampton-2018";

type Issue = z.core.$ZodIssue;

/** Fields whose number has a meaning worth spelling out, keyed by the path without its trailing ".value". */
const NUMBER_WORDS: Record<string, string> = {
  monitoringDays: `must be a whole number of days from 1 to ${LIMITS.monitoringDays}`,
  "monitoringPeriod.value.count": `must be a whole number from 1 to ${LIMITS.monitoringDays} days or from 1 to ${LIMITS.monitoringMonths} months`,
  reviewIntervalMonths: `must be a whole number of months from 1 to ${LIMITS.reviewIntervalMonths}`,
  "appeal.windowDays": `must be a whole number of days from 1 to ${LIMITS["appeal.windowDays"]}`,
  "appeal.decisionDays": `must be a whole number of days from 1 to ${LIMITS["appeal.decisionDays"]}`,
  retentionYearsAfterEnd: `must be a whole number of years from 0 to ${LIMITS.retentionYearsAfterEnd}`,
};

const TYPE_WORDS: Record<string, string> = {
  string: "must be text",
  number: "must be a number",
  int: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  object: "must be a group of settings",
};

function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || "(the preset)";
}

function issueWords(issue: Issue, path: string): string {
  const numberWords = NUMBER_WORDS[path.replace(/\.value$/, "")];
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is missing";
      if (numberWords && (issue.expected === "number" || issue.expected === "int")) return numberWords;
      return TYPE_WORDS[issue.expected] ?? issue.message;
    case "too_small":
    case "too_big":
      if (numberWords) return numberWords;
      if (issue.code === "too_big") return issue.message;
      if (issue.origin === "array") return `must list at least ${String(issue.minimum)}`;
      if (issue.origin === "string") return "must not be empty";
      return issue.message;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      // The only patterns in the preset form are the kebab-case ids.
      return "must use only lower-case letters, digits and hyphens";
    case "custom":
      return numberWords ?? issue.message;
    default:
      return issue.message;
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/** Problems zod cannot see: ids that must be unique so that logged choices and decisions stay unambiguous. */
function consistencyProblems(preset: Preset): string[] {
  const problems: string[] = [];
  const unique = (path: string, what: string, values: readonly string[]) => {
    for (const d of duplicates(values)) problems.push(`${path}: ${what} "${d}" appears more than once`);
  };
  unique("behaviours.items", "the id", preset.behaviours.items.map((b) => b.id));
  const groups = preset.behaviours.groups ?? [];
  unique("behaviours.groups", "the id", groups.map((g) => g.id));
  unique("behaviours.groups", "the behaviour", groups.flatMap((g) => g.items));
  if (preset.behaviours.open?.value && preset.behaviours.items.some((b) => b.id === OTHER_BEHAVIOUR)) {
    problems.push(`behaviours.items: the id "${OTHER_BEHAVIOUR}" is kept for a behaviour outside the list ("Other (describe)"); give this behaviour another id`);
  }
  const behaviourIds = new Set(preset.behaviours.items.map((b) => b.id));
  for (const g of groups) for (const id of g.items) if (!behaviourIds.has(id)) problems.push(`behaviours.groups: "${id}" in the group "${g.label}" is not one of the behaviours`);
  unique("preChecks.items", "the id", preset.preChecks.items.map((c) => c.id));
  unique("localResolution.steps", "the id", preset.localResolution.steps.map((s) => s.id));
  unique("warning.exceptions", "the id", preset.warning.exceptions.map((e) => e.id));
  unique("decisions", "the outcome", preset.decisions.map((d) => d.outcome));
  unique("letters", "the kind", preset.letters.map((l) => l.kind));
  unique("restrictions.kinds", "the kind", preset.restrictions.kinds);
  unique("offices", "the id", preset.offices.map((o) => o.id));
  const offices = new Map(preset.offices.map((o) => [o.id, o]));
  const named = (path: string, id: string | undefined, audience: boolean) => {
    if (id === undefined) return;
    const office = offices.get(id);
    if (!office) problems.push(`${path}: "${id}" is not one of the preset's offices`);
    // Anyone may be told; only an office that is one person's (or a few people's) may take a step.
    else if (office.audience && !audience) problems.push(`${path}: "${office.title}" is an audience for notices, so it cannot take a step`);
  };
  for (const [path, rule] of actorRules(preset)) {
    named(`${path}.office`, rule.office, false);
    for (const id of [...rule.jointly, ...rule.consulted]) named(path, id, false);
  }
  for (const a of preset.staffNotice?.audiences ?? []) for (const id of a.offices) named(`staffNotice.audiences[${a.event}]`, id, true);
  return problems;
}

/** Every rule naming who takes a step, with its path in the preset. */
export function actorRules(preset: Preset): [string, ActorRule][] {
  const rules: [string, ActorRule | null | undefined][] = [
    ["refer.actor", preset.refer.actor],
    ...preset.decisions.map((d): [string, ActorRule] => [`decisions[${d.outcome}].actor`, d.actor]),
    ["monitoringEnd.actor", preset.monitoringEnd?.actor],
    ["reviewer.actor", preset.reviewer?.actor],
    ["appeal.actor", preset.appeal.actor],
    ["noLetter.actor", preset.noLetter?.actor],
  ];
  return rules.filter((r): r is [string, ActorRule] => !!r[1]);
}

export type ParsePresetResult = { ok: true; preset: Preset } | { ok: false; problems: string[] };

/**
 * An organisation's preset written for an older version, brought to today's form: `monitoringDays` (a count of days)
 * becomes `monitoringPeriod` in days, and `lapseAtReview` is dropped (it is now an organisation setting, not a policy
 * rule). Returns the path renames, so a problem is reported under the field the admin wrote.
 */
function fromOlderForm(json: unknown): { json: unknown; renamed: Record<string, string> } {
  if (!json || typeof json !== "object" || Array.isArray(json)) return { json, renamed: {} };
  const { monitoringDays, lapseAtReview: _dropped, ...rest } = json as Record<string, unknown>;
  const out: Record<string, unknown> = rest;
  const renamed: Record<string, string> = {};
  if (monitoringDays !== undefined && out.monitoringPeriod === undefined) {
    const old = monitoringDays as { value?: unknown; source?: unknown } | null;
    const value = old && typeof old === "object" ? old.value : undefined;
    out.monitoringPeriod = {
      value: value === null ? null : { unit: "days", count: value },
      source: old && typeof old === "object" ? old.source : undefined,
    };
    renamed["monitoringPeriod.value.count"] = "monitoringDays.value";
    renamed["monitoringPeriod.value"] = "monitoringDays.value";
    renamed["monitoringPeriod.source"] = "monitoringDays.source";
  }
  return { json: out, renamed };
}

/** Validates a preset supplied as JSON (an organisation's own), returning every problem in plain words with its path. */
export function parsePreset(json: unknown): ParsePresetResult {
  const older = fromOlderForm(json);
  // The input is reported back on each issue so that a missing field can be told from a wrong one.
  const result = presetSchema.safeParse(older.json, { reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => {
        const path = pathText(issue.path);
        const shown = older.renamed[path];
        return shown ? `${shown}: ${issueWords(issue, shown)}` : `${path}: ${issueWords(issue, path)}`;
      }),
    };
  }
  const problems = consistencyProblems(result.data);
  return problems.length ? { ok: false, problems } : { ok: true, preset: result.data };
}

function load(input: unknown): Preset {
  // Built-ins go through zod's own parse so a broken preset fails loudly at start-up with zod's full report.
  const preset = presetSchema.parse(input);
  const problems = consistencyProblems(preset);
  if (problems.length) throw new Error(`Preset ${preset.id} is inconsistent:\n${problems.join("\n")}`);
  return preset;
}

export const PRESETS: readonly Preset[] = Object.freeze(
  [merseysideFire2011, cumbriaFire2023, southampton2018, hampshireSendiass, councilCcm2014].map(load),
);

export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export interface MissingSetting {
  path: string;
  label: string;
}

/**
 * Every rule the policy left silent that a step of this preset's workflow needs, in plain words for the admin.
 * A setting is listed only where the preset uses it (e.g. the appeal window only if an appeal may exist).
 */
export function missingSettings(preset: Preset): MissingSetting[] {
  const missing: MissingSetting[] = [];
  const need = (path: string, label: string) => missing.push({ path, label });
  const outcomes = new Set(preset.decisions.map((d) => d.outcome));
  const restricts = outcomes.has("Restrict");

  if (restricts && preset.restrictions.kinds.length === 0) need("restrictions.kinds", "Restriction options the policy allows");
  if (outcomes.has("Monitor")) {
    if (preset.monitoringPeriod.value === null) need("monitoringPeriod", "Monitoring period (days or months)");
    if (preset.monitoringEnd === null) need("monitoringEnd", "Who judges whether a monitoring period ended acceptably");
  }
  if (restricts || outcomes.has("Extend")) {
    if (preset.reviewIntervalMonths.value === null) need("reviewIntervalMonths", "Months between reviews of restrictions");
    if (preset.reviewer === null) need("reviewer", "Who carries out scheduled reviews");
  }
  if (outcomes.has("Extend") && preset.extensionNeedsComment.value === null) {
    need("extensionNeedsComment", "Whether the customer must be invited to comment before an extension");
  }
  if (preset.vulnerabilityMustBeConsidered.value === null) {
    // Not asked for until set: the policy text is silent, so the product does not require it on the policy's behalf.
    need("vulnerabilityMustBeConsidered", "Whether the customer's vulnerability must be recorded as considered before a decision");
  }
  const appeal = preset.appeal;
  if (appeal.available.value === null) need("appeal.available", "Whether the customer can appeal");
  // An appeal that might exist needs its settings; one the policy rules out does not.
  if (appeal.available.value !== false) {
    if (appeal.windowDays.value === null) need("appeal.windowDays", "Appeal window (days)");
    if (appeal.decisionDays.value === null) need("appeal.decisionDays", "Days allowed to decide an appeal");
    if (appeal.actor === null) need("appeal.actor", "Who hears appeals");
  }
  if (preset.retentionYearsAfterEnd.value === null) {
    need("retentionYearsAfterEnd", "Years records are kept after the restriction (or the case) ends");
  }
  if (preset.reportsPerServiceArea.value === null) {
    need("reportsPerServiceArea", "Whether each service area reports how often and why the policy was used");
  }
  return missing;
}

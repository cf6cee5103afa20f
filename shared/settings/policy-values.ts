// The organisation's own values where a policy text is silent (how long to appeal, how long records are kept…): an
// administrator sets them once, they fill only what the text leaves empty, and they are shown as the organisation's.
import { getPath } from "./paths";
import { LIMITS, type Preset } from "../presets/schema";

type Fillable = { kind: "int"; min: number; max: number; unit: string } | { kind: "bool" };

/** The settings an administrator may give where the text is silent; the rest (who acts, restriction options) need an office or the text. */
export const FILLABLE: Record<string, Fillable> = {
  reviewIntervalMonths: { kind: "int", min: 1, max: LIMITS.reviewIntervalMonths, unit: "months" },
  "appeal.available": { kind: "bool" },
  "appeal.windowDays": { kind: "int", min: 1, max: LIMITS["appeal.windowDays"], unit: "days" },
  "appeal.decisionDays": { kind: "int", min: 1, max: LIMITS["appeal.decisionDays"], unit: "days" },
  extensionNeedsComment: { kind: "bool" },
  vulnerabilityMustBeConsidered: { kind: "bool" },
  retentionYearsAfterEnd: { kind: "int", min: 0, max: LIMITS.retentionYearsAfterEnd, unit: "years" },
  reportsPerServiceArea: { kind: "bool" },
};

export type PolicyValues = Record<string, Record<string, number | boolean>>;

/** Where a filled value comes from, shown wherever the policy's own sources are. */
export const ORGANISATION_SOURCE = { file: "organisation", section: "Your organisation's own setting: the policy text is silent here" };

/** The paths this preset leaves silent that an administrator may fill. */
export function silentPaths(preset: Preset): string[] {
  return Object.keys(FILLABLE).filter((path) => (getPath(preset, path) as { value?: unknown } | undefined)?.value === null);
}

/**
 * Reads stored values, keeping each well-formed one for a setting the policy leaves silent and reporting the rest:
 * nothing here can change what a policy's text says.
 */
export function parsePolicyValues(input: unknown, presets: readonly Preset[]): { values: PolicyValues; problems: string[] } {
  const values: PolicyValues = {};
  const problems: string[] = [];
  if (input === null || input === undefined) return { values, problems };
  if (typeof input !== "object" || Array.isArray(input)) return { values, problems: ["The values set where policies are silent could not be read."] };
  for (const [id, raw] of Object.entries(input as Record<string, unknown>)) {
    const preset = presets.find((p) => p.id === id);
    if (!preset) {
      problems.push(`"${id}" is not a policy in use.`);
      continue;
    }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push(`The values for ${preset.organisation}'s policy could not be read.`);
      continue;
    }
    const silent = silentPaths(preset);
    for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
      const rule = FILLABLE[path];
      if (!rule) {
        problems.push(`${preset.organisation}: "${path}" is not something the organisation can set.`);
        continue;
      }
      if (!silent.includes(path)) {
        problems.push(`${preset.organisation}'s policy already says this ("${path}"): it cannot be changed here.`);
        continue;
      }
      if (rule.kind === "bool" ? typeof value !== "boolean" : !Number.isInteger(value) || (value as number) < rule.min || (value as number) > rule.max) {
        problems.push(rule.kind === "bool" ? `${preset.organisation}: "${path}" must be yes or no.` : `${preset.organisation}: "${path}" must be a whole number of ${rule.unit} from ${rule.min} to ${rule.max}.`);
        continue;
      }
      (values[id] ??= {})[path] = value as number | boolean;
    }
  }
  return { values, problems };
}

/** The preset with the organisation's values filled in where its text is silent, each cited as the organisation's. */
export function withPolicyValues(preset: Preset, values: Record<string, number | boolean> | undefined): Preset {
  if (!values) return preset;
  let out: Preset = preset;
  for (const [path, value] of Object.entries(values)) {
    const current = getPath(out, path) as { value: unknown } | undefined;
    if (!current || current.value !== null || !FILLABLE[path]) continue;
    out = setPath(out, path, { ...current, value, source: ORGANISATION_SOURCE });
  }
  return out;
}

/** The built-in presets as this organisation runs them. */
export function presetsWith(values: PolicyValues | undefined, lookup: (id: string) => Preset | undefined): (id: string) => Preset | undefined {
  return (id) => {
    const preset = lookup(id);
    return preset && withPolicyValues(preset, values?.[id]);
  };
}

function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  const o = obj as Record<string, unknown>;
  return { ...o, [head]: rest.length ? setPath(o[head], rest.join("."), value) : value } as T;
}

// A short fingerprint of a preset's content, recorded with each step so the log says which rules were applied.
import { fingerprint } from "../text/fingerprint";
import type { Preset } from "./schema";

/** Keys sorted at every level, so the same rules always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The preset's id and an FNV-1a hash of its rules, e.g. "southampton-2018@4f1c09a2". */
export function presetVersion(preset: Preset): string {
  return `${preset.id}@${fingerprint(canonical(preset))}`;
}

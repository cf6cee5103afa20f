// Staff names and addresses in a subject access bundle: found in the columns that hold them, then marked wherever they
// appear (a restriction's wording, guidance, a letter), so information governance can review each before release.
import { SYSTEM_ACTOR } from "../register/event-row";
import { LIST_SPECS } from "./columns";
import type { RawExport, RawItem, RawVersion } from "./raw";

/** A piece of text, and whether it is a staff name or address to review. */
export interface Segment {
  text: string;
  staff: boolean;
}

const ADDRESS = /[^\s;,<>"]+@[^\s;,<>"]+/g;

function strings(v: unknown): string[] {
  if (typeof v === "string") {
    try {
      const j: unknown = JSON.parse(v);
      if (j && typeof j === "object") return strings(j);
    } catch {
      // Not JSON: the text itself.
    }
    return [v];
  }
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

/** Who changed a version: a person (staff), or the register's own service writing as an application. */
export function changedBy(v: RawVersion): { who: string; staff: boolean } {
  const user = v.lastModifiedBy?.user;
  const app = v.lastModifiedBy?.application?.displayName;
  if (user?.email) return { who: user.email, staff: true };
  if (app || !user?.displayName) return { who: "the case register's service (automatically)", staff: false };
  return { who: user.displayName, staff: true };
}

/**
 * Every staff name and address the export holds: the staff columns' values, the people a restriction names, and whoever
 * changed a record by hand. The customer's own addresses are never counted as staff, even in a recipients list.
 */
export function staffTerms(raw: RawExport): string[] {
  const rows = (list: string): RawItem[] => (Array.isArray(raw.lists[list]) ? (raw.lists[list] as RawItem[]) : []);
  const own = new Set(rows("UpcIdentities").map((i) => String(i.fields.Title ?? "").toLowerCase()));
  const found = new Set<string>([raw.exportedBy]);
  for (const spec of LIST_SPECS) {
    for (const item of rows(spec.list)) {
      for (const fields of [item.fields, ...item.versions.map((v) => v.fields ?? {})]) {
        for (const col of spec.columns.filter((c) => c.staff)) {
          for (const s of strings(fields[col.key])) {
            // A recipients list holds several addresses; a name column holds one name.
            const addresses = s.match(ADDRESS);
            for (const a of addresses ?? [s]) found.add(a.trim());
          }
        }
      }
      for (const v of item.versions) {
        const by = changedBy(v);
        if (by.staff) found.add(by.who);
      }
    }
  }
  // A restriction naming an officer or an inbox carries their name and address in its settings.
  for (const r of rows("UpcRestrictions")) {
    const settings = typeof r.fields.Params === "string" ? safeJson(r.fields.Params) : null;
    const target = (settings as { target?: { name?: string; upn?: string; address?: string } } | null)?.target;
    for (const s of [target?.name, target?.upn, target?.address]) if (s) found.add(s);
  }
  // The log names the service itself as the actor of what the scheduler and the flagging service did: not a person.
  found.delete(SYSTEM_ACTOR);
  return [...found].map((s) => s.trim()).filter((s) => s.length >= 3 && !own.has(s.toLowerCase()));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A matcher that splits text into plain and staff segments; the longest name wins where two overlap. */
export function staffMarker(terms: string[]): (text: string) => Segment[] {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => (text ? [{ text, staff: false }] : []);
  const re = new RegExp(sorted.map(escapeRegExp).join("|"), "giu");
  return (text) => {
    const out: Segment[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      if (m.index! > last) out.push({ text: text.slice(last, m.index), staff: false });
      out.push({ text: m[0], staff: true });
      last = m.index! + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), staff: false });
    return out;
  };
}

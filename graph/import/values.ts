// Reading a register's cells: UK dates, lists, channels and the restrictions written in plain words.
import { restrictionParamsSchema, type RestrictionParams } from "../../shared/domain/restriction-params";
import { RESTRICTION_KINDS, type RestrictionKind } from "../../shared/domain/vocab";
import { kindModule } from "../../shared/restrictions/kinds";
import { no, ok, readList, type Read } from "../../shared/restrictions/kinds/read";
import { londonMidnight } from "../../shared/time/london";

export type { Read };
export { readAllowedChannel, readChannel, readList } from "../../shared/restrictions/kinds/read";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A date as UK spreadsheets write it: 03/04/2027 (3 April), 3-4-2027, 2027-04-03 or 3 April 2027; the start of that
 * day in London, as an ISO instant.
 */
export function readDate(raw: string): Read<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += 2000;
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s))) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase());
    if (month < 0) return no(`"${s}" is not a date: "${match[2]}" is not a month.`);
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return no(`"${s}" is not a date. Write it as day/month/year, e.g. 03/04/2027 for 3 April 2027.`);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return no(`"${s}" is not a date that exists (day ${d}, month ${m}).`);
  return ok(londonMidnight(y, m, d).toISOString());
}

const KIND_WORDS = new Map<string, RestrictionKind>(RESTRICTION_KINDS.map((k) => [k.toLowerCase(), k]));

function restrictionKind(raw: string): RestrictionKind | undefined {
  return KIND_WORDS.get(raw.toLowerCase().replace(/[\s_-]+/g, ""));
}

/** How each restriction is written in the sheet, for messages. */
export const RESTRICTION_FORMS = Object.fromEntries(RESTRICTION_KINDS.map((k) => [k, kindModule(k).importExample])) as Record<RestrictionKind, string>;

/** "SingleChannel: Letter; ContactQuota: 2 per week by letter" → typed parameters, or what is wrong with each item. */
export function readRestrictions(raw: string): { value: RestrictionParams[]; errors: string[] } {
  const value: RestrictionParams[] = [];
  const errors: string[] = [];
  for (const item of readList(raw, /[;\n]/)) {
    const m = /^([A-Za-z][A-Za-z _-]*?)\s*(?::\s*([\s\S]*))?$/.exec(item);
    const kind = m ? restrictionKind(m[1]) : undefined;
    if (!kind) {
      errors.push(`"${item}" is not a restriction the product knows (${RESTRICTION_KINDS.join(", ")}).`);
      continue;
    }
    const read = kindModule(kind).readImport((m![2] ?? "").trim());
    if (!read.ok) {
      errors.push(`"${item}": ${read.error}, as in "${RESTRICTION_FORMS[kind]}".`);
      continue;
    }
    const checked = restrictionParamsSchema.safeParse(read.value);
    if (!checked.success) {
      errors.push(`"${item}": ${checked.error.issues[0]?.message ?? "is not valid"}, as in "${RESTRICTION_FORMS[kind]}".`);
      continue;
    }
    value.push(checked.data);
  }
  return { value, errors };
}

// One line of plain words per restriction, as staff see it in the task pane and as UpcRestrictions.Title.
import type { Restriction } from "../domain/records";
import type { RestrictionParams } from "../domain/restriction-params";
import { formatLondonDate, formatLondonTime, londonParts } from "../time/london";
import { describeSlots } from "./call-slots";
import { CHANNEL_WORDS, joinWords, plural, targetLabel } from "./wording";

function isRestriction(r: Restriction | RestrictionParams): r is Restriction {
  return "params" in r;
}

/** "3 March 2027", or "14:00 on 3 March 2027" when the period does not end at midnight. */
export function describeUntil(endsAt: string): string {
  const end = new Date(endsAt);
  const p = londonParts(end);
  const date = formatLondonDate(end);
  return p.hour === 0 && p.minute === 0 ? date : `${formatLondonTime(end)} on ${date}`;
}

export function describeMatters(refs: readonly string[]): string {
  const cleaned = refs.map((m) => m.trim()).filter(Boolean);
  return `${cleaned.length === 1 ? "matter" : "matters"} ${joinWords(cleaned)}`;
}

/** Plain words for staff, e.g. "Letters only" or "At most 2 contacts a week, by letter". */
export function describeRestriction(r: Restriction | RestrictionParams): string {
  const params = isRestriction(r) ? r.params : r;
  switch (params.kind) {
    case "SingleChannel":
      return CHANNEL_WORDS[params.channel].only;
    case "NamedOfficer":
      return `Contact only through ${targetLabel(params.target)}${params.deputyUpn ? " (or deputy)" : ""}`;
    case "CallSlots":
      return `Calls only ${describeSlots(params.slots)}`;
    case "CallLength":
      return `Calls limited to ${plural(params.maxMinutes, "minute", "minutes")}`;
    case "ContactQuota": {
      const per = params.per === "Week" ? "a week" : "a month";
      const form = params.channel ? `, ${CHANNEL_WORDS[params.channel].by}` : "";
      return `At most ${plural(params.max, "contact", "contacts")} ${per}${form}`;
    }
    case "Witness":
      return params.officer ? `Personal contact only with ${params.officer.name.trim()} present as a witness` : "Personal contact only with a witness present";
    case "NoSameMatter":
      return `No further complaints about ${describeMatters(params.matterRefs)}`;
    case "NewIssuesOnly":
      return "Only new issues are dealt with";
    case "SeriousOnly":
      return "Only significant and serious queries are dealt with";
    case "PremisesAccess":
      return `No access to ${params.premises.trim()}${params.byAppointment ? " without an appointment" : ""}`;
    case "FiledWithoutReply":
      return "Mail is filed without reply (read and screened)";
    case "NoContact":
      // The dates live on the restriction row, not in its params.
      if (!isRestriction(r)) return "No contact for a set period";
      return r.endsAt ? `No contact until ${describeUntil(r.endsAt)}` : "No contact until further notice";
    case "BlockElectronic":
      return params.includePhone ? "Phone and electronic contact blocked" : "Electronic contact blocked";
  }
}

// What each kind of restriction says about one proposed contact: a breach in staff's words, or notes, or nothing.
import type { Restriction } from "../domain/records";
import type { ContactChannel } from "../domain/vocab";
import { describeSlots, describeMoment, withinSlots } from "./call-slots";
import { describeMatters, describeRestriction } from "./describe";
import { mayDeal, officerBreachMessage, spocMismatchNote } from "./named-officer";
import { countQuotaContacts, quotaPeriod } from "./quota";
import type { ContactCheckInput } from "./types";
import { CHANNEL_WORDS, plural } from "./wording";

export interface KindResult {
  breach?: string;
  notes?: string[];
}

const ELECTRONIC: readonly ContactChannel[] = ["Email", "Web", "Social"];

function normaliseMatter(ref: string): string {
  return ref.trim().toLowerCase();
}

/** Judges one restriction in force against the proposed contact (routed purposes never reach here). */
export function checkKind(r: Restriction, input: ContactCheckInput): KindResult {
  const p = input.proposed;
  const params = r.params;
  const label = describeRestriction(r);
  const by = CHANNEL_WORDS[p.channel].by;

  switch (params.kind) {
    // Both directions: a one-channel rule is only kept if our replies keep to it too.
    case "SingleChannel":
      if (p.channel === params.channel) return {};
      return {
        breach:
          p.direction === "Out"
            ? `${label}: this customer may not be answered ${by}`
            : `${label}: this customer may not contact us ${by}`,
      };

    // Whoever sends (Out) or handles (In) the contact must be the named person or inbox, or a deputy.
    case "NamedOfficer": {
      const mismatch = spocMismatchNote(params, input.spoc);
      const notes = mismatch ? [mismatch] : [];
      if (mayDeal(params, p.staffUpn, input.spoc)) return { notes };
      return { breach: officerBreachMessage(params, input.spoc), notes };
    }

    // The slots limit when the customer may ring us. Our own call-backs are not limited: an officer may need to
    // ring outside them (to meet a deadline, or because the officer is not in on that day), so they get a note.
    case "CallSlots":
      if (p.channel !== "Phone" || withinSlots(params.slots, p.at)) return {};
      if (p.direction === "Out") {
        return {
          notes: [`${label}: calls from us are not limited, but keep to these times where you can so the arrangement holds.`],
        };
      }
      return { breach: `Calls only on ${describeSlots(params.slots)}: it is ${describeMoment(p.at)}` };

    // Every call, whoever rang, since the limit protects staff time either way.
    case "CallLength":
      if (p.channel !== "Phone") return {};
      if (p.minutes === undefined) return { notes: [`${label}: end the call when the time is up.`] };
      if (p.minutes <= params.maxMinutes) return {};
      return { breach: `${label}: this call took ${plural(p.minutes, "minute", "minutes")}` };

    case "ContactQuota": {
      if (p.direction !== "In") return {};
      if (params.channel && p.channel !== params.channel) return { breach: `${label}: this contact is ${by}` };
      const period = params.per === "Week" ? "week" : "month";
      const { start } = quotaPeriod(params.per, p.at);
      // Only contacts strictly before this one count, so one already logged at this instant is not counted twice.
      const n = countQuotaContacts(r, params, input.history, start, p.at) + 1;
      if (n > params.max) {
        return {
          breach: `${period === "week" ? "Weekly" : "Monthly"} limit reached: only ${params.max} ${params.max === 1 ? "contact is" : "contacts are"} allowed a ${period}, and this is contact ${n} this ${period}`,
        };
      }
      if (n === params.max) return { notes: [`This is the last of the ${params.max} contacts allowed this ${period}.`] };
      return {};
    }

    // "Personal contact" is face to face; a witness is positively recorded or the meeting does not go ahead.
    case "Witness":
      if (p.channel !== "InPerson" || p.witnessPresent === true) return {};
      return { breach: `${label}: no witness is recorded for this meeting` };

    // Both directions: the customer raising it again is the breach; our writing about it would reopen it.
    case "NoSameMatter": {
      const ref = p.matterRef?.trim();
      if (!ref) return { notes: [`${label}: check this contact is not about ${describeMatters(params.matterRefs)}.`] };
      const hit = params.matterRefs.find((m) => normaliseMatter(m) === normaliseMatter(ref));
      return hit ? { breach: `${label}: this contact is about ${hit.trim()}` } : {};
    }

    // Whether something is new or serious is a judgement, so an unjudged contact gets a prompt rather than a refusal.
    case "NewIssuesOnly":
      if (p.newIssue === false) return { breach: `${label}: this contact raises no new issue` };
      if (p.newIssue === undefined) return { notes: [`${label}: check whether it raises a new issue before dealing with it.`] };
      return {};

    case "SeriousOnly":
      if (p.serious === false) return { breach: `${label}: this query is not significant and serious` };
      if (p.serious === undefined) {
        return { notes: [`${label}: check whether it is significant and serious before dealing with it.`] };
      }
      return {};

    // The customer coming to us; an officer's home visit is not access to our premises. Where visits by
    // appointment are allowed, the booking must be positively recorded, since these restrictions protect staff.
    case "PremisesAccess":
      if (p.channel !== "InPerson" || p.direction !== "In") return {};
      if (params.byAppointment) {
        return p.appointment === true ? {} : { breach: `${label}: no appointment is recorded for this visit` };
      }
      return { breach: `${label}: this customer may not visit in person` };

    // Incoming post is read and screened, never answered.
    case "FiledWithoutReply":
      if (p.direction === "Out") return { breach: "Mail is filed without reply: this customer is not to be answered" };
      return {
        notes: ["Filed without reply: read it for new issues and safeguarding concerns, record the screening, and do not reply."],
      };

    // Any contact either way during the period; emergencies and statutory requests are routed before this.
    case "NoContact":
      return {
        breach:
          p.direction === "Out"
            ? `${label}: do not contact this customer during this period`
            : `${label}: the customer may not contact us during this period`,
      };

    // Both directions: blocking their e-mail means our replies go by letter too.
    case "BlockElectronic": {
      const blocked = params.includePhone ? [...ELECTRONIC, "Phone"] : ELECTRONIC;
      if (!blocked.includes(p.channel)) return {};
      return {
        breach:
          p.direction === "Out"
            ? `${label}: this customer may not be answered ${by}`
            : `${label}: contact ${by} from this customer is blocked`,
      };
    }
  }
}

// The notices a step owes, composed in full when the step is taken, so the log holds exactly what will be sent: a
// breach or a lapse to the SPOC (their deputy, else the managers), a reminder that the policy's staff notice is due,
// and a letter or staff notice sent by e-mail from the Teams tab.
import type { CaseRecord, OwedMail, StepEvent } from "../../shared/register";
import type { Effect } from "../../shared/workflow";
import { breachNotice, lapsedNotice, staffNoticeDue } from "../notices";

export interface OweDeps {
  /** Who hears of something when nobody closer is named: SERVICE_ESCALATE_TO, else the UPC Managers group. */
  escalationRecipients(): Promise<string[]>;
}

const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x).map((x) => x.toLowerCase()))];

export function owedMails(deps: OweDeps) {
  return async (effects: Effect[], record: CaseRecord, _customerId: string, event: StepEvent): Promise<Omit<OwedMail, "n">[]> => {
    const out: Omit<OwedMail, "n">[] = [];
    const c = record.customer;
    const spoc = async () => {
      const near = unique([c.spocUpn ?? c.spocDeputyUpn]);
      return near.length ? near : unique(await deps.escalationRecipients());
    };
    const staff = effects.flatMap((e) => (e.type === "NotifyStaff" ? e.recipients : []));
    for (const e of effects) {
      if (e.type === "NotifySpoc") {
        const to = await spoc();
        if (!to.length) continue;
        const mail =
          event.type === "BreachRecorded"
            ? breachNotice({ spoc: to[0], customerName: c.name, caseRef: c.caseRef, receivedAt: event.receivedAt, subject: event.subject, mailboxes: event.mailboxes, breaches: event.breaches, guidance: c.staffGuidance })
            : lapsedNotice({ to, customerName: c.name, caseRef: c.caseRef, message: e.message, staffNotice: staff });
        out.push({ kind: "SpocNotice", to, subject: mail.subject, text: mail.text });
      } else if (e.type === "NotifyStaff") {
        const to = unique(await deps.escalationRecipients());
        if (!to.length) continue;
        const mail = staffNoticeDue({ to, customerName: c.name, caseRef: c.caseRef, event: e.event, audiences: e.recipients });
        out.push({ kind: "StaffNotice", to, subject: mail.subject, text: mail.text });
      }
    }
    // A letter or staff notice written in the Teams tab and sent by e-mail: the words the writer approved, sent once.
    if (event.type === "LetterSent" && event.content?.channel === "Email" && event.content.to?.length) {
      out.push({ kind: event.kind === "StaffNotice" ? "StaffNotice" : "Letter", to: unique(event.content.to), subject: event.content.title, text: event.content.body });
    }
    return out;
  };
}

// What the pane shows about a customer, worked out from the card: pure, so it is the same in tests and in Outlook.
import type { Contact, Customer, Restriction } from "../../shared/domain/records";
import { adviceForMail, checkContact, otherRestrictions, describeRestriction, inForce, quotaUsage, type ContactCheck, type QuotaUsage } from "../../shared/restrictions";
import { startOfLondonMonth, startOfLondonWeek } from "../../shared/time/london";
import type { CustomerCard } from "../../graph/lookup/card";
import type { ReadItem } from "../office/types";
import { flagInfoBar, type Flag } from "./flag";
import { spocOf, type SpocView } from "../../shared/restrictions/spoc";

export { spocOf, type SpocView } from "../../shared/restrictions/spoc";

export interface CardView {
  customer: Customer;
  isSpoc: boolean;
  spoc: SpocView | null;
  /** One line per restriction in force saying what it means for this mail, then the emergencies reminder. */
  advice: string[];
  restrictionLabels: string[];
  quotas: QuotaUsage[];
  contactsThisWeek: number;
  contactsThisMonth: number;
  recent: (Contact & { id: string })[];
  /** Contacts that may be chosen as a referral's evidence, newest first. */
  evidence: (Contact & { id: string })[];
  /** This incoming mail judged against the restrictions, as logging it would record it. */
  emailCheck: ContactCheck;
  /** Restrictions in force that say nothing about e-mail (calls), in words. */
  otherRestrictions: string[];
  alreadyLogged: boolean;
  filedWithoutReply: boolean;
  /** The review date has passed (the restrictions still apply until someone reviews them). */
  reviewOverdue: boolean;
}

const same = (a?: string | null, b?: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The officer is the SPOC, their deputy, or works the SPOC inbox (the mailbox open is the SPOC's). */
export function isSpocFor(me: string, customer: Customer, restrictions: readonly Restriction[]): boolean {
  if (same(me, customer.spocUpn) || same(me, customer.spocDeputyUpn)) return true;
  return restrictions.some((r) => {
    const p = r.params;
    if (p.kind !== "NamedOfficer") return false;
    return same(me, p.deputyUpn) || same(me, p.target.kind === "Person" ? p.target.upn : p.target.address);
  });
}

export function recipientsOf(item: ReadItem): string[] {
  return [...new Set([...item.to, ...item.cc].map((a) => a.address.trim().toLowerCase()).filter(Boolean))];
}

export function cardView(card: CustomerCard, item: ReadItem | null, me: string, now = new Date()): CardView {
  const { customer, restrictions } = card;
  const isSpoc = isSpocFor(me, customer, restrictions);
  const history = card.periodContacts;
  const weekStart = startOfLondonWeek(now).getTime();
  const monthStart = startOfLondonMonth(now).getTime();
  const incoming = history.filter((c) => c.direction === "In");
  const at = item?.received ?? now;
  const seen = new Set<string>();
  const evidence = [...card.recentContacts, ...[...history].reverse()].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  const spoc = spocOf(customer, restrictions);
  return {
    customer,
    isSpoc,
    spoc,
    advice: adviceForMail(restrictions, { isSpoc, hasSpoc: !!spoc, at: now }),
    otherRestrictions: otherRestrictions(restrictions, { isSpoc, hasSpoc: !!spoc, at: now }),
    restrictionLabels: inForce(restrictions, now).map((r) => describeRestriction(r)),
    quotas: quotaUsage(restrictions, history, now),
    contactsThisWeek: incoming.filter((c) => Date.parse(c.contactAt) >= weekStart).length,
    contactsThisMonth: incoming.filter((c) => Date.parse(c.contactAt) >= monthStart).length,
    recent: card.recentContacts.slice(0, 5),
    evidence: evidence.slice(0, 20),
    emailCheck: checkContact({
      restrictions,
      history,
      proposed: { at, channel: "Email", direction: "In", staffUpn: me },
      spoc: { upn: customer.spocUpn, deputyUpn: customer.spocDeputyUpn },
    }),
    alreadyLogged: !!item?.internetMessageId && [...card.recentContacts, ...history].some((c) => c.messageId === item.internetMessageId),
    filedWithoutReply: inForce(restrictions, now).some((r) => r.params.kind === "FiledWithoutReply"),
    reviewOverdue: !!customer.reviewDue && Date.parse(customer.reviewDue) < now.getTime(),
  };
}

/** The Outlook info bar (≤ 150 characters): who this is and the first thing to do, so the flag shows with the pane shut. */
export function infoBarText(flag: Flag, view?: CardView | null): string | null {
  if (flag.kind !== "flagged" || !view) return flagInfoBar(flag);
  const p = flag.primary;
  const head = `UPC ${p.customerStatus.toLowerCase()}: ${p.customerName} (${p.caseRef})`;
  if (view.isSpoc) return `${head}. You are the SPOC.`;
  const first = view.advice[0];
  if (first && view.advice.length > 1) return `${head}. ${first}.`;
  if (view.spoc) return `${head}. SPOC: ${view.spoc.name}.`;
  return `${head}. Log contact in the UPC pane.`;
}

/** The words a contact's breach is recorded with (UpcContacts.Breach): every breached restriction. */
export function breachText(check: ContactCheck): string {
  return check.breaches.map((b) => b.message).join("; ").slice(0, 255);
}

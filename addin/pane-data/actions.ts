// What the pane writes to the register: a new record for an unknown sender, an extra address, and logged contacts.
import type { Contact } from "../../shared/domain/records";
import type { ContactChannel, Direction, ScreeningOutcome } from "../../shared/domain/vocab";
import { checkContact, type ContactCheck } from "../../shared/restrictions";
import { otherBehaviourToStore } from "../../shared/workflow";
import type { CustomerCard } from "../../graph/lookup/card";
import { logContact, type Logged } from "../../graph/repos/contacts";
import type { Site } from "../../graph/repos/items";
import type { ReadItem } from "../office/types";
import { breachText, recipientsOf } from "./view";

/** The open e-mail as a contact: stored once per internet message id, with everyone it was sent to. */
export function emailContact(card: CustomerCard, item: ReadItem, me: string, check: ContactCheck, screening: ScreeningOutcome): Contact {
  return {
    title: item.subject.trim() || "(no subject)",
    customerId: card.customer.id!,
    contactAt: (item.received ?? new Date()).toISOString(),
    channel: "Email",
    direction: "In",
    staffUpn: me,
    serviceArea: card.customer.serviceAreas.split(/[;,]/)[0]?.trim() ?? "",
    matterRef: "",
    behaviours: [],
    minutes: null,
    messageId: item.internetMessageId || null,
    recipients: recipientsOf(item),
    source: "TaskPane",
    breach: breachText(check),
    screening,
    note: "",
  };
}

export function logEmail(site: Site, card: CustomerCard, item: ReadItem, me: string, check: ContactCheck, screening: ScreeningOutcome): Promise<Logged> {
  return logContact(site, emailContact(card, item, me, check, screening));
}

/** A call, visit or letter as the officer describes it. */
export interface OtherContactInput {
  channel: ContactChannel;
  direction: Direction;
  at: Date;
  minutes: number | null;
  matterRef: string;
  behaviours: string[];
  /** What the behaviour ticked as "Other" was, in the officer's words; kept only while "other" is ticked. */
  otherBehaviour?: string;
  note: string;
  screening: ScreeningOutcome;
  witnessPresent?: boolean;
  appointment?: boolean;
}

const CHANNEL_TITLE: Record<ContactChannel, string> = {
  Email: "E-mail",
  Phone: "Phone call",
  Letter: "Letter",
  InPerson: "Visit",
  Web: "Web form",
  Social: "Social media",
  Other: "Contact",
};

/** Whether the contact breaches a restriction, worked out before it is saved so the officer sees it first. */
export function checkOther(card: CustomerCard, input: OtherContactInput, me: string): ContactCheck {
  return checkContact({
    restrictions: card.restrictions,
    history: card.periodContacts,
    proposed: {
      at: input.at,
      channel: input.channel,
      direction: input.direction,
      staffUpn: me,
      matterRef: input.matterRef.trim() || undefined,
      minutes: input.minutes ?? undefined,
      witnessPresent: input.witnessPresent,
      appointment: input.appointment,
    },
    spoc: { upn: card.customer.spocUpn, deputyUpn: card.customer.spocDeputyUpn },
  });
}

export function otherContact(card: CardInput, input: OtherContactInput, me: string, check: ContactCheck): Contact {
  const title = `${CHANNEL_TITLE[input.channel]} ${input.direction === "In" ? "from" : "to"} ${card.customer.name}${input.matterRef.trim() ? ` (${input.matterRef.trim()})` : ""}`;
  return {
    title: title.slice(0, 255),
    customerId: card.customer.id!,
    contactAt: input.at.toISOString(),
    channel: input.channel,
    direction: input.direction,
    staffUpn: me,
    serviceArea: card.customer.serviceAreas.split(/[;,]/)[0]?.trim() ?? "",
    matterRef: input.matterRef.trim(),
    behaviours: input.behaviours,
    otherBehaviour: otherBehaviourToStore(input) ?? undefined,
    minutes: input.minutes,
    messageId: null,
    recipients: [],
    source: "TaskPane",
    breach: breachText(check),
    screening: input.screening,
    note: input.note.trim(),
  };
}

type CardInput = Pick<CustomerCard, "customer">;

export function logOther(site: Site, card: CustomerCard, input: OtherContactInput, me: string): Promise<Logged> {
  const check = checkOther(card, input, me);
  return logContact(site, otherContact(card, input, me, check));
}

// UpcContacts, the contact log: an e-mail is stored once per internet message id however often it is logged.
import { readRows } from "./problems";
import { contactSchema, type Contact } from "../../shared/domain/records";
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import { customerContacts } from "./contact-windows";
import { compact, date, list, lookupId, num, str, type Fields } from "./fields";
import { createItem, persistently, queryPage, type ListItem, type Site } from "./items";

export function contactFromItem(item: ListItem): Contact & { id: string } {
  const f = item.fields as Fields;
  return contactSchema.parse({
    id: String(item.id),
    title: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    contactAt: date(f, "ContactAt") ?? new Date(0).toISOString(),
    channel: str(f, "Channel") || "Other",
    direction: str(f, "Direction") || "In",
    staffUpn: str(f, "StaffUpn"),
    serviceArea: str(f, "ServiceArea"),
    matterRef: str(f, "MatterRef"),
    behaviours: list(f, "Behaviours"),
    otherBehaviour: str(f, "OtherBehaviour") || undefined,
    minutes: num(f, "Minutes"),
    messageId: str(f, "MessageId") || null,
    recipients: str(f, "Recipients").split("\n").filter(Boolean),
    source: str(f, "Source") || "TaskPane",
    breach: str(f, "Breach"),
    screening: str(f, "Screening") || "NotScreened",
    note: str(f, "Notes"),
  }) as Contact & { id: string };
}

export function contactToFields(c: Contact): Fields {
  return compact({
    Title: c.title.slice(0, 255),
    CustomerLookupId: Number(c.customerId),
    ContactAt: c.contactAt,
    Channel: c.channel,
    Direction: c.direction,
    StaffUpn: c.staffUpn,
    ServiceArea: c.serviceArea,
    MatterRef: c.matterRef,
    Behaviours: c.behaviours,
    OtherBehaviour: c.otherBehaviour || undefined,
    Minutes: c.minutes ?? undefined,
    MessageId: c.messageId ?? undefined,
    Recipients: c.recipients.join("\n"),
    Source: c.source,
    Breach: c.breach,
    Screening: c.screening,
    Notes: c.note,
  });
}

export async function findByMessageId(site: Site, messageId: string): Promise<(Contact & { id: string; etag?: string }) | null> {
  const [item] = await queryPage(site, "contacts", { filter: eq("MessageId", messageId), top: 1 });
  return item ? { ...contactFromItem(item), etag: item.eTag } : null;
}

/** A contact that is not an e-mail gets its own key so that a retried save is still stored once. */
function keyFor(c: Contact): string {
  return c.messageId ?? `urn:upc:contact:${globalThis.crypto.randomUUID()}`;
}

export interface Logged {
  contact: Contact & { id: string };
  /** False when it was already in the log (another officer, another click, or the flagging service got there first). */
  created: boolean;
}

/**
 * Logs a contact exactly once. MessageId is unique in SharePoint, so a second writer's create fails as a duplicate and
 * the contact already in the log is returned. People may only add to the log (they cannot edit a contact), so the
 * recipients it lacks are added by the flagging service, which reads every watched mailbox.
 */
export async function logContact(site: Site, input: Contact): Promise<Logged> {
  const contact = contactSchema.parse({ ...input, messageId: keyFor(input), recipients: [...new Set(input.recipients.map((r) => r.toLowerCase()))] });
  try {
    const item = await persistently(() => createItem(site, "contacts", contactToFields(contact)));
    return { contact: contactFromItem(item), created: true };
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
  }
  const existing = await persistently(() => findByMessageId(site, contact.messageId!));
  if (!existing) throw new DataError("Conflict", "The contact was recorded and then removed while saving; please try again.");
  return { contact: existing, created: false };
}

/** A customer's contacts from a time on (ContactAt and Customer are indexed), oldest first, however many they hold. */
export async function contactsSince(site: Site, customerId: string, from: Date): Promise<(Contact & { id: string })[]> {
  return readRows("contacts", await customerContacts(site, customerId, { from, order: "asc" }), contactFromItem);
}

export async function recentContacts(site: Site, customerId: string, top = 5): Promise<(Contact & { id: string })[]> {
  return readRows("contacts", await customerContacts(site, customerId, { order: "desc", top }), contactFromItem);
}

// What happens to a mail from a flagged customer: the category is made sure of, the contact is logged once (with
// every mailbox it reached), it is checked against the customer's restrictions, and a breach is recorded on the
// contact and told to the SPOC once. Requests are batched: at volume a flagged mail costs about one request.
import type { Contact } from "../../shared/domain/records";
import { checkContact, type Breach } from "../../shared/restrictions";
import { DataError } from "../../graph/client/errors";
import { ensureOk, type BatchRequest, type Graph } from "../../graph/client/factory";
import { fromResponse } from "../../graph/client/errors";
import { contactFromItem, contactToFields, findByMessageId } from "../../graph/repos/contacts";
import { itemsPath, persistently, updateFields, type ListItem, type Site } from "../../graph/repos/items";
import { loadCustomerCard, type CustomerCard } from "../../graph/lookup/card";
import { takeStep, type Owe } from "../../graph/caselog";
import { flagCategoryRequest, type InboxMessage } from "../../graph/mail";
import { fingerprint } from "../../shared/text/fingerprint";
import type { Actor } from "../../shared/workflow";
import type { FlagMatch, FlaggedStatus } from "./flag-index";
import { errorFields, type Logger } from "../log";
import type { ServiceStats } from "./stats";

export interface FlaggedCopy {
  /** The mailbox (UPN) this copy is in. */
  mailbox: string;
  message: InboxMessage;
}

/** One mail as the register sees it: one internetMessageId, however many mailboxes it reached. */
export interface FlaggedMail {
  messageId: string;
  match: FlagMatch;
  copies: FlaggedCopy[];
}

export interface ProcessorDeps {
  site: Site;
  graph: Graph;
  log: Logger;
  stats: ServiceStats;
  categoryFor(status: FlaggedStatus): string;
  /** Every flag category's name (the service owns these; any other category is the mailbox owner's). */
  flagCategories(): string[];
  /** Composes the notice a breach owes the SPOC (it is recorded in the log and sent by the outbox). */
  owe: Owe;
  /** A breach was recorded: the outbox has a notice to send. */
  onOwed(): void;
  cardCacheMs: number;
}

/** The flagging service acts as the system: it may record a breach, and nothing else. */
export const FLAGGER: Actor = { upn: "upc-service", roles: [], system: true };

/** The log's key for a breach: one per mail, whichever instance or round finds it. */
export function breachKey(messageId: string): string {
  return messageId.length <= 240 ? `breach:${messageId}` : `breach:${messageId.slice(0, 200)}#${fingerprint(messageId)}`;
}

type Card = CustomerCard & { loadedAt: number };

interface Create {
  mail: FlaggedMail;
  recipients: string[];
  breaches: Breach[];
  fields: Record<string, unknown>;
}

const BREACH_COLUMN_MAX = 255;

/** The Breach column is one line of 255 characters: the plain words, shortened if several restrictions were breached. */
export function breachText(breaches: Breach[]): string {
  const full = breaches.map((b) => b.message).join(" / ");
  if (full.length <= BREACH_COLUMN_MAX) return full;
  const kinds = breaches.map((b) => b.kind).join(", ");
  return `${full.slice(0, BREACH_COLUMN_MAX - kinds.length - 5)}… (${kinds})`.slice(0, BREACH_COLUMN_MAX);
}

async function inChunks<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

export class MailProcessor {
  private readonly cards = new Map<string, Card>();

  constructor(private readonly deps: ProcessorDeps) {}

  /** Forget cached cards (after the register changed under us, or a failed round). */
  forget(customerId?: string): void {
    if (customerId) this.cards.delete(customerId);
    else this.cards.clear();
  }

  /**
   * Handles a round's mail from flagged customers, and takes a flag category off any other mail that carries one
   * (an inbox rule's senderContains can colour a look-alike address such as x@vexford.example.evil.test).
   */
  async process(mails: FlaggedMail[], unflagged: FlaggedCopy[] = []): Promise<void> {
    await this.categorise(mails, unflagged);
    const byCustomer = new Map<string, FlaggedMail[]>();
    for (const m of mails) {
      const list = byCustomer.get(m.match.customerId) ?? [];
      list.push(m);
      byCustomer.set(m.match.customerId, list);
    }
    const customers = [...byCustomer.entries()];
    // A few customers at a time: each is one card $batch and one create $batch per 20 mails.
    const failures: unknown[] = [];
    for (let i = 0; i < customers.length; i += 4) {
      await Promise.all(
        customers.slice(i, i + 4).map(([customerId, list]) =>
          this.logForCustomer(customerId, list).catch((e) => {
            this.forget(customerId);
            failures.push(e);
          }),
        ),
      );
    }
    // Only a failure worth trying again holds the round back: anything else is this customer's alone, and is told.
    const transient = failures.find((e) => e instanceof DataError && e.retryable);
    if (transient) throw transient;
    for (const e of failures) {
      this.deps.stats.errors++;
      this.deps.log.error("customer.failed", errorFields(e));
    }
  }

  /** Gives each copy exactly its status's category (PATCH only where that is not already so), in $batches of 20. */
  private async categorise(mails: FlaggedMail[], unflagged: FlaggedCopy[]): Promise<void> {
    const all = this.deps.flagCategories();
    const patches: BatchRequest[] = [];
    const want = (c: FlaggedCopy, wanted: string | null) => {
      const r = flagCategoryRequest(String(patches.length), c.mailbox, c.message.id, c.message.categories, all, wanted);
      if (r) patches.push(r);
    };
    for (const m of mails) for (const c of m.copies) want(c, this.deps.categoryFor(m.match.status));
    for (const c of unflagged) want(c, null);
    await inChunks(patches, 20, async (chunk) => {
      const res = await this.deps.graph.batch(chunk.map((p, i) => ({ ...p, id: String(i) })));
      for (const r of res) {
        if (r.status >= 200 && r.status < 300) this.deps.stats.categorised++;
        else if (r.status !== 404) throw fromResponse(r.status, r.body);
      }
    });
  }

  private async card(customerId: string): Promise<Card> {
    const hit = this.cards.get(customerId);
    if (hit && Date.now() - hit.loadedAt < this.deps.cardCacheMs) return hit;
    const card: Card = { ...(await loadCustomerCard(this.deps.site, customerId)), loadedAt: Date.now() };
    this.cards.set(customerId, card);
    return card;
  }

  private async logForCustomer(customerId: string, mails: FlaggedMail[]): Promise<void> {
    let card: Card;
    try {
      card = await this.card(customerId);
    } catch (e) {
      // The customer was deleted (retention) after the index last heard of it: nothing to log against.
      if (e instanceof DataError && e.kind === "NotFound") {
        this.deps.stats.skipped += mails.length;
        return;
      }
      throw e;
    }
    const customer = card.customer;
    const spoc = { upn: customer.spocUpn ?? null, deputyUpn: customer.spocDeputyUpn ?? null };
    const creates: Create[] = [];
    const merges: { mail: FlaggedMail; recipients: string[] }[] = [];
    const sorted = [...mails].sort((a, b) => a.copies[0].message.receivedDateTime.localeCompare(b.copies[0].message.receivedDateTime));
    for (const mail of sorted) {
      const recipients = [...new Set(mail.copies.map((c) => c.mailbox.toLowerCase()))].sort();
      const first = mail.copies[0].message;
      const logged = card.periodContacts.find((c) => c.messageId === mail.messageId);
      if (logged) {
        if (recipients.some((r) => !logged.recipients.includes(r))) merges.push({ mail, recipients });
        else this.deps.stats.alreadyLogged++;
        continue;
      }
      const at = new Date(first.receivedDateTime);
      // Checked as handled by each mailbox it reached: a mail to the named officer and to someone else still breaches.
      const seen = new Set<string>();
      const breaches: Breach[] = [];
      for (const upn of recipients) {
        const verdict = checkContact({
          restrictions: card.restrictions,
          history: card.periodContacts,
          proposed: { at, channel: "Email", direction: "In", staffUpn: upn },
          spoc,
        });
        for (const b of verdict.breaches) {
          const key = `${b.restrictionId}|${b.kind}`;
          if (!seen.has(key)) breaches.push(b);
          seen.add(key);
        }
      }
      const staffUpn = recipients.find((r) => r === spoc.upn) ?? recipients[0];
      const contact: Contact = {
        title: (first.subject || "(no subject)").slice(0, 255),
        customerId,
        contactAt: at.toISOString(),
        channel: "Email",
        direction: "In",
        staffUpn,
        serviceArea: /[,;]/.test(customer.serviceAreas) ? "" : customer.serviceAreas,
        matterRef: "",
        behaviours: [],
        minutes: null,
        messageId: mail.messageId,
        recipients,
        source: "Flagger",
        breach: breachText(breaches),
        screening: "NotScreened",
        note: "",
      };
      creates.push({ mail, recipients, breaches, fields: contactToFields(contact) });
      // Later mails in this round count this one (quotas), and a repeat of it is known to be logged.
      card.periodContacts.push({ ...contact, id: "" } as Contact & { id: string });
    }

    // The breach goes into the log before the contact is stored: an instance stopped between the two leaves the notice
    // owed (the outbox sends it) and the mail unread (the next round stores the contact).
    for (const c of creates.filter((x) => x.breaches.length)) {
      const first = c.mail.copies[0].message;
      const r = await takeStep(this.deps.site, customerId, {
        event: { type: "BreachRecorded", messageId: c.mail.messageId, receivedAt: first.receivedDateTime, subject: (first.subject ?? "").slice(0, 1000), mailboxes: c.recipients, breaches: c.breaches.map((b) => ({ kind: b.kind, message: b.message })) },
        actor: FLAGGER,
        idempotencyKey: breachKey(c.mail.messageId),
        owe: this.deps.owe,
      });
      if (!r.ok) {
        this.deps.log.warn("breach.not-recorded", { customer: customerId, status: r.status });
        continue;
      }
      if (!r.repeated) {
        this.deps.stats.breaches++;
        if (r.owed) this.deps.onOwed();
      }
    }
    await inChunks(creates, 20, async (chunk) => {
      const res = await this.deps.graph.batch(chunk.map((c, i) => ({ id: String(i), method: "POST" as const, url: itemsPath(this.deps.site, "contacts"), body: { fields: c.fields } })));
      res.forEach((r, i) => {
        const c = chunk[i];
        if (r.status === 201 || r.status === 200) {
          this.deps.stats.logged++;
          const stored = contactFromItem(ensureOk<ListItem>(r));
          const mine = card.periodContacts.find((p) => p.messageId === stored.messageId && !p.id);
          if (mine) mine.id = stored.id;
          return;
        }
        const err = fromResponse(r.status, r.body);
        // Someone else (another instance, an officer's task pane) logged it first: only make sure of the recipients.
        if (err.kind === "Duplicate") merges.push({ mail: c.mail, recipients: c.recipients });
        else throw err;
      });
    });

    for (const m of merges) {
      if (await mergeRecipients(this.deps.site, m.mail.messageId, m.recipients)) this.deps.stats.recipientsMerged++;
      else this.deps.stats.alreadyLogged++;
    }

  }
}

/**
 * Adds recipients to a contact already logged under this message id, guarded by its ETag; false when nothing was
 * missing. Two writers merging at once both end up recorded.
 */
export async function mergeRecipients(site: Site, messageId: string, recipients: string[]): Promise<boolean> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const existing = await persistently(() => findByMessageId(site, messageId));
    if (!existing) return false;
    const missing = recipients.filter((r) => !existing.recipients.includes(r));
    if (missing.length === 0) return false;
    try {
      await persistently(() => updateFields(site, "contacts", existing.id, { Recipients: [...existing.recipients, ...missing].join("\n") }, existing.etag));
      return true;
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
    }
  }
  throw new DataError("Conflict");
}

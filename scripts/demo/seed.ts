// Loads the demo register and demo mail through the real code path, relative to today: each demo customer is one
// Imported step in the register's log (as an administrator's import of an older register would be), projected by the
// case service's own code; contacts are logged as officers and the flagging service log them; mail is delivered
// through the emulator's delivery control route.
import type { Contact } from "../../shared/domain/records";
import { normaliseIdentity } from "../../shared/address";
import { CONTACT_CHANNELS } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import type { CustomerDetails, IdentityEntry } from "../../shared/register";
import { newCaseFile, type Actor, type CaseFile } from "../../shared/workflow";
import { openCustomer } from "../../graph/caselog";
import { ensureOk, type BatchRequest, type Graph } from "../../graph/client/factory";
import { contactToFields } from "../../graph/repos/contacts";
import { createItem, itemsPath, type Site } from "../../graph/repos/items";
import type { DeliverMail } from "./deliver";
import { DEMO_CUSTOMERS, UNFLAGGED_SENDERS, type DemoCustomer } from "./people";

/** A demo contact's title in the words an officer would type ("Visit about prevention", never "InPerson contact"). */
const CHANNEL_NOUN: Partial<Record<string, string>> = { Phone: "Phone call", Letter: "Letter", InPerson: "Visit", Web: "Web form", Social: "Social media message" };

const DAY = 86_400_000;
const STAFF = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "complaints@upc.test"];
const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "complaints@upc.test"];
/** The demo register was "imported" by the administrator. */
const IMPORTER: Actor = { upn: "admin@upc.test", roles: ["Admin", "Staff"] };
const DECIDER = "dee.decider@upc.test";

/** A small deterministic generator, so the demo is the same every time it is seeded. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface SeedSummary {
  customers: number;
  identities: number;
  contacts: number;
  referrals: number;
  restrictions: number;
  reviews: number;
  messages: number;
}

async function postAll(graph: Graph, requests: BatchRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 20) {
    const res = await graph.batch(requests.slice(i, i + 20));
    res.forEach((r) => ensureOk(r));
  }
}

function contactsFor(d: DemoCustomer, customerId: string, now: Date, rnd: () => number): Contact[] {
  const out: Contact[] = [];
  const weeks = 13;
  const preset = getPreset(d.policyId)!;
  for (let w = 0; w < weeks; w++) {
    const n = Math.max(0, Math.round(d.weekly * (0.5 + rnd())));
    for (let i = 0; i < n; i++) {
      const at = new Date(now.getTime() - (w * 7 + rnd() * 7) * DAY);
      const channel = rnd() < 0.6 ? "Email" : CONTACT_CHANNELS[Math.floor(rnd() * 4)];
      out.push({
        title: channel === "Email" ? `Re: ${d.serviceArea} enquiry (${w + 1})` : `${CHANNEL_NOUN[channel] ?? "Contact"} about ${d.serviceArea.toLowerCase()}`,
        customerId,
        contactAt: at.toISOString(),
        channel,
        direction: rnd() < 0.85 ? "In" : "Out",
        staffUpn: STAFF[Math.floor(rnd() * STAFF.length)],
        serviceArea: d.serviceArea,
        matterRef: `${d.serviceArea.slice(0, 3).toUpperCase()}-${1000 + Math.floor(rnd() * 5)}`,
        behaviours: rnd() < 0.4 ? [preset.behaviours.items[Math.floor(rnd() * preset.behaviours.items.length)].id] : [],
        minutes: channel === "Phone" || channel === "InPerson" ? 5 + Math.floor(rnd() * 40) : null,
        messageId: channel === "Email" ? `<demo-${customerId}-${w}-${i}@mail.example>` : `urn:upc:contact:demo-${customerId}-${w}-${i}`,
        recipients: channel === "Email" ? [STAFF[Math.floor(rnd() * 3)]] : [],
        source: channel === "Email" ? "Flagger" : "TaskPane",
        breach: "",
        screening: "NotScreened",
        note: "",
      });
    }
  }
  return out;
}

/** The case file a demo customer stands for: what its status implies happened, at dates relative to `now`. */
function demoFile(d: DemoCustomer, index: number, now: Date): CaseFile {
  const preset = getPreset(d.policyId)!;
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const decidedAt = at(-(40 + index));
  // Restriction reviews lie ahead (2, 12 or 22 days: some within the fortnight's reminders), because an overdue one
  // lapses at the scheduler's first run; the overdue items are monitoring periods that have ended unjudged.
  const reviewDue = at(2 + (index % 3) * 10);
  const monitoringEnd = at(index % 2 === 0 ? -3 : 30);
  const decided = ["Monitoring", "Restricted", "Closed"].includes(d.status);
  const referred = d.status === "Referred" || decided;
  const preChecks = Object.fromEntries(preset.preChecks.items.map((p) => [p.id, true]));
  const outcome = d.status === "Monitoring" ? "Monitor" : d.status === "Restricted" ? "Restrict" : "Lift";
  const file: CaseFile = {
    ...newCaseFile(d.policyId, d.status),
    warnings: d.status === "Warned" ? [{ level: "Informal", at: at(-(70 + index)), by: "mo.manager@upc.test", note: "Told by phone that the volume of contact is affecting the service." }] : [],
    referral: referred
      ? {
          at: at(-(d.status === "Referred" ? 2 + index : 60)),
          by: "sam.officer@upc.test",
          behaviours: [preset.behaviours.items[0].id],
          serviceArea: d.serviceArea,
          summary: `Contact from ${d.kind === "Organisation" ? "the organisation" : "the customer"} has become unreasonably persistent; see the log.`,
          evidenceContactIds: [],
        }
      : null,
    preChecks: referred ? preChecks : {},
    vulnerabilityConsidered: referred,
    decisions: decided ? [{ outcome, at: decidedAt, by: DECIDER, participants: [DECIDER], reasons: "Behaviour continued after a warning; the restriction is proportionate." }] : [],
  };
  if (d.status === "Monitoring") {
    file.monitoring = { startsAt: decidedAt, endsAt: monitoringEnd, outcome: null };
    file.reviews = [{ kind: "MonitoringEnd", openedAt: decidedAt, dueBy: monitoringEnd, outcome: null, by: null, decidedAt: null, reasons: null }];
  }
  if (d.status === "Restricted") {
    file.restrictions = (d.restrictions ?? []).map((params) => ({ kind: params.kind, params, startsAt: decidedAt, endsAt: params.kind === "NoContact" ? at(60) : null, state: "Active" as const }));
    file.reviewDue = reviewDue;
    file.reviews = [{ kind: "ScheduledReview", openedAt: decidedAt, dueBy: reviewDue, outcome: null, by: null, decidedAt: null, reasons: null }];
    if (d.name === "Seán O'Brien") file.reviews.push({ kind: "Appeal", openedAt: at(-18), receivedAt: at(-18), dueBy: at(10), outcome: null, by: null, decidedAt: null, reasons: "The Tuesday slot clashes with my hospital appointments.", assignedTo: "rory.reviewer@upc.test" });
  }
  if (d.status === "Closed") {
    file.closedAt = at(-30);
    file.retainUntil = at(365);
  }
  if (decided) file.letters = [{ kind: outcome === "Monitor" ? "Monitoring" : outcome === "Restrict" ? "Restriction" : "Lifted", at: decidedAt, by: DECIDER, elements: [], withheldReason: null }];
  return file;
}

function demoDetails(d: DemoCustomer): CustomerDetails {
  const single = d.restrictions?.find((r) => r.kind === "SingleChannel") as { channel: "Letter" | "Email" | "Phone" } | undefined;
  return {
    name: d.name,
    caseRef: "",
    kind: d.kind,
    policyId: d.policyId,
    serviceAreas: d.serviceArea,
    spocUpn: d.spoc?.upn ?? null,
    spocName: d.spoc?.name ?? null,
    spocDeputyUpn: null,
    allowedChannels: single ? [single.channel] : [],
    staffGuidance: d.guidance ?? "",
    adjustments: d.adjustments ?? "",
  };
}

function demoIdentities(d: DemoCustomer): IdentityEntry[] {
  const raw: [IdentityEntry["kind"], string][] = [...d.emails.map((e) => ["Email", e] as [IdentityEntry["kind"], string]), ...(d.phones ?? []).map((p) => ["Phone", p] as [IdentityEntry["kind"], string]), ...(d.domain ? [["Domain", d.domain] as [IdentityEntry["kind"], string]] : [])];
  return raw.map(([kind, value]) => {
    const n = normaliseIdentity(kind, value);
    if (!n.ok) throw new Error(`Demo address ${value}: ${n.error}`);
    return { kind: n.kind, value: n.value };
  });
}

/**
 * Seeds the demo register through the case service's own path, signed in as the app (the register's one writer), and
 * the demo mail through `deliver` (the emulator's control route). Customers are imported in order, so O'Brien is
 * UPC-0001 on a fresh site.
 */
export async function seedDemo(app: Graph, deliver: DeliverMail, now = new Date(), siteId = "root"): Promise<SeedSummary> {
  const site: Site = { graph: app, siteId };
  const rnd = random(20261122);
  const summary: SeedSummary = { customers: 0, identities: 0, contacts: 0, referrals: 0, restrictions: 0, reviews: 0, messages: 0 };
  for (const [index, d] of DEMO_CUSTOMERS.entries()) {
    const file = demoFile(d, index, now);
    const identities = demoIdentities(d);
    const opened = await openCustomer(site, { event: { type: "Imported", customer: demoDetails(d), identities, file, source: "the demo register" }, actor: IMPORTER, idempotencyKey: `demo:${index}:${d.name}`, now });
    if (!opened.ok) throw new Error(`The demo customer ${d.name} was refused: ${opened.reason}`);
    const customerId = opened.customerId;
    summary.customers++;
    summary.identities += identities.length;
    summary.restrictions += file.restrictions.length;
    summary.reviews += file.reviews.length;
    if (d.status === "Referred") summary.referrals++;

    const contacts = contactsFor(d, customerId, now, rnd);
    await postAll(app, contacts.map((c, i) => ({ id: String(i), method: "POST", url: itemsPath(site, "contacts"), body: { fields: contactToFields(c) } })));
    summary.contacts += contacts.length;
    if (d.adjustments) {
      await createItem(site, "sensitive", { CustomerLookupId: Number(customerId), Notes: `Health note for ${opened.record.customer.caseRef}: see adjustments; GP letter on file.`, RecordedBy: DECIDER, RecordedAt: now.toISOString() });
    }
  }
  summary.messages = await seedMail(deliver, now);
  return summary;
}

/** Demo mail in the demo mailboxes, from flagged and unflagged senders; delivery runs each mailbox's rules. */
export async function seedMail(deliver: DeliverMail, now: Date): Promise<number> {
  const senders = [
    ...DEMO_CUSTOMERS.filter((d) => d.status !== "Closed").slice(0, 14).map((d) => ({ name: d.name, address: d.emails[0], area: d.serviceArea })),
    ...UNFLAGGED_SENDERS.map((s) => ({ ...s, area: "General" })),
  ];
  let count = 0;
  for (const [i, s] of senders.entries()) {
    const mailbox = MAILBOXES[i % MAILBOXES.length];
    await deliver(mailbox, {
      subject: i === 2 ? "<b>URGENT</b> <img src=x onerror=alert(1)> reply today" : `${s.area}: my enquiry, again`,
      body: { contentType: "text", content: `Dear officer,\n\nI am writing again about my ${s.area.toLowerCase()} enquiry.\n\n${s.name}` },
      from: { emailAddress: { name: s.name, address: s.address } },
      sender: { emailAddress: { name: s.name, address: s.address } },
      toRecipients: [{ emailAddress: { address: mailbox } }],
      receivedDateTime: new Date(now.getTime() - i * 3_600_000).toISOString(),
      internetMessageId: `<demo-mail-${i}@mail.example>`,
    });
    count++;
  }
  return count;
}

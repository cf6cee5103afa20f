// Loads the demo register and demo mail through the real data layer (Graph over HTTP), relative to today.
import { describeRestriction } from "../../shared/restrictions";
import type { Contact } from "../../shared/domain/records";
import { CONTACT_CHANNELS } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import { ensureOk, type BatchRequest, type Graph } from "../../graph/client/factory";
import { createCustomer, syncIdentities } from "../../graph/repos/customers";
import { addIdentity } from "../../graph/repos/identities";
import { contactToFields } from "../../graph/repos/contacts";
import { createCase } from "../../graph/repos/cases";
import { createRestriction } from "../../graph/repos/restrictions";
import { createReview } from "../../graph/repos/reviews";
import { createItem, itemsPath, type Site } from "../../graph/repos/items";
import { DEMO_CUSTOMERS, UNFLAGGED_SENDERS, type DemoCustomer } from "./people";

const DAY = 86_400_000;
const STAFF = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "complaints@upc.test"];
const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "complaints@upc.test"];

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
        title: channel === "Email" ? `Re: ${d.serviceArea} enquiry (${w + 1})` : `${channel} contact about ${d.serviceArea.toLowerCase()}`,
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

export async function seedDemo(site: Site, mailGraph: Graph, now = new Date()): Promise<SeedSummary> {
  const rnd = random(20261122);
  const summary: SeedSummary = { customers: 0, identities: 0, contacts: 0, referrals: 0, restrictions: 0, reviews: 0, messages: 0 };
  for (const [index, d] of DEMO_CUSTOMERS.entries()) {
    const preset = getPreset(d.policyId)!;
    const decided = ["Monitoring", "Restricted", "Closed"].includes(d.status);
    const decidedAt = new Date(now.getTime() - (40 + index) * DAY);
    // Restriction reviews lie ahead (2, 12 or 22 days: some within the fortnight's reminders), because an overdue one
    // lapses at the scheduler's first run; the overdue items are monitoring periods that have ended unjudged.
    const reviewDue = new Date(now.getTime() + (2 + (index % 3) * 10) * DAY);
    const monitoringEnd = new Date(now.getTime() + (index % 2 === 0 ? -3 : 30) * DAY);
    const customer = await createCustomer(site, {
      name: d.name,
      kind: d.kind,
      status: d.status,
      policyId: d.policyId,
      serviceAreas: d.serviceArea,
      spocUpn: d.spoc?.upn ?? null,
      spocName: d.spoc?.name ?? null,
      spocDeputyUpn: null,
      allowedChannels: d.restrictions?.find((r) => r.kind === "SingleChannel") ? [(d.restrictions.find((r) => r.kind === "SingleChannel") as { channel: "Letter" }).channel] : [],
      staffGuidance: d.guidance ?? "",
      adjustments: d.adjustments ?? "",
      monitoringEnds: d.status === "Monitoring" ? monitoringEnd.toISOString() : null,
      reviewDue: d.status === "Restricted" ? reviewDue.toISOString() : null,
      retainUntil: d.status === "Closed" ? new Date(now.getTime() + 365 * DAY).toISOString() : null,
    });
    summary.customers++;
    const addresses: ["Email" | "Phone" | "Domain", string][] = [
      ...d.emails.map((e) => ["Email", e] as ["Email", string]),
      ...(d.phones ?? []).map((ph) => ["Phone", ph] as ["Phone", string]),
      ...(d.domain ? [["Domain", d.domain] as ["Domain", string]] : []),
    ];
    for (const [kind, value] of addresses) {
      await addIdentity(site, customer, kind, value);
      summary.identities++;
    }
    await syncIdentities(site, customer);

    const contacts = contactsFor(d, customer.id!, now, rnd);
    await postAll(site.graph, contacts.map((c, i) => ({ id: String(i), method: "POST", url: itemsPath(site, "contacts"), body: { fields: contactToFields(c) } })));
    summary.contacts += contacts.length;

    if (d.status === "Referred" || decided) {
      const c = await createCase(site, {
        title: `${customer.caseRef} ${d.serviceArea}`,
        customerId: customer.id!,
        stage: d.status === "Referred" ? "Referred" : "Decided",
        outcome: d.status === "Referred" ? null : d.status === "Monitoring" ? "Monitor" : d.status === "Restricted" ? "Restrict" : "Lift",
        referredBy: "sam.officer@upc.test",
        referredAt: new Date(now.getTime() - (d.status === "Referred" ? 2 + index : 60) * DAY).toISOString(),
        serviceArea: d.serviceArea,
        behaviours: [preset.behaviours.items[0].id],
        summary: `Contact from ${d.kind === "Organisation" ? "the organisation" : "the customer"} has become unreasonably persistent; see the log.`,
        localResolution: [],
        preChecks: Object.fromEntries(preset.preChecks.items.map((p) => [p.id, true])),
        vulnerabilityConsidered: true,
        evidenceContactIds: [],
        decidedBy: decided ? "dee.decider@upc.test" : null,
        decidedAt: decided ? decidedAt.toISOString() : null,
        reasons: decided ? "Behaviour continued after a warning; the restriction is proportionate." : null,
      });
      if (d.status === "Referred") summary.referrals++;
      for (const params of d.restrictions ?? []) {
        await createRestriction(site, {
          title: describeRestriction(params),
          customerId: customer.id!,
          caseId: c.id,
          kind: params.kind,
          params,
          startsAt: decidedAt.toISOString(),
          endsAt: params.kind === "NoContact" ? new Date(now.getTime() + 60 * DAY).toISOString() : null,
          reviewDue: reviewDue.toISOString(),
          state: "Active",
        });
        summary.restrictions++;
      }
      if (d.status === "Restricted" || d.status === "Monitoring") {
        await createReview(site, {
          title: `${d.status === "Monitoring" ? "End of monitoring" : "Scheduled review"}: ${customer.caseRef}`,
          customerId: customer.id!,
          caseId: c.id,
          kind: d.status === "Monitoring" ? "MonitoringEnd" : "ScheduledReview",
          openedAt: decidedAt.toISOString(),
          dueBy: (d.status === "Monitoring" ? monitoringEnd : reviewDue).toISOString(),
          reviewer: null,
          outcome: null,
        });
        summary.reviews++;
      }
      if (decided) {
        await createItem(site, "letters", { Title: `${d.status} letter: ${customer.caseRef}`, CustomerLookupId: Number(customer.id), CaseLookupId: Number(c.id), Kind: d.status === "Monitoring" ? "Monitoring" : d.status === "Restricted" ? "Restriction" : "Lifted", SentAt: decidedAt.toISOString(), Channel: "Letter", Body: "(demo letter)", Complete: true });
      }
    }
    if (d.adjustments) {
      await createItem(site, "sensitive", { CustomerLookupId: Number(customer.id), Notes: `Health note for ${customer.caseRef}: see adjustments; GP letter on file.`, RecordedBy: "dee.decider@upc.test", RecordedAt: now.toISOString() });
    }
    if (d.name === "Seán O'Brien") {
      await createReview(site, { title: `Appeal: ${customer.caseRef}`, customerId: customer.id!, kind: "Appeal", openedAt: new Date(now.getTime() - 18 * DAY).toISOString(), dueBy: new Date(now.getTime() + 10 * DAY).toISOString(), reviewer: "rory.reviewer@upc.test", outcome: null });
      summary.reviews++;
    }
  }
  summary.messages = await seedMail(mailGraph, now);
  return summary;
}

/** Demo mail in the demo mailboxes, from flagged and unflagged senders; delivery runs each mailbox's rules. */
export async function seedMail(graph: Graph, now: Date): Promise<number> {
  const senders = [
    ...DEMO_CUSTOMERS.filter((d) => d.status !== "Closed").slice(0, 14).map((d) => ({ name: d.name, address: d.emails[0], area: d.serviceArea })),
    ...UNFLAGGED_SENDERS.map((s) => ({ ...s, area: "General" })),
  ];
  let count = 0;
  for (const [i, s] of senders.entries()) {
    const mailbox = MAILBOXES[i % MAILBOXES.length];
    await graph.post(`/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages`, {
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

// UpcOutbox rows: notices owed, claimed by one instance at a time (If-Match on the row), and marked done once sent.
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import { lookupId, num, str, type Fields } from "../repos/fields";
import { ensureOk } from "../client/batch";
import { createItem, queryUrl, updateFields, type ListItem, type Site } from "../repos/items";

export interface OutboxRow {
  id: string;
  etag: string;
  key: string;
  customerId: string;
  kind: string;
  to: string[];
  subject: string;
  text: string;
  state: "Owed" | "Sending" | "Done";
  claimedUntil: string | null;
  attempts: number;
}

function rowFrom(item: ListItem): OutboxRow {
  const f = item.fields as Fields;
  return {
    id: String(item.id),
    etag: item.eTag ?? "",
    key: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    kind: str(f, "Kind"),
    to: str(f, "Recipients").split("\n").map((s) => s.trim()).filter(Boolean),
    subject: str(f, "Subject"),
    text: str(f, "Body"),
    state: (str(f, "State") || "Owed") as OutboxRow["state"],
    claimedUntil: str(f, "ClaimedUntil") || null,
    attempts: num(f, "Attempts") ?? 0,
  };
}

/**
 * Rows still to send (one request): owed ones, and ones being sent (the caller judges whether their sender stopped).
 * `more` says a full page came back, so there may be others after these.
 */
export async function rowsToSend(site: Site, top = 50): Promise<{ rows: OutboxRow[]; more: boolean }> {
  const [owed, sending] = await site.graph.batch([
    { id: "owed", method: "GET", url: queryUrl(site, "outbox", { filter: eq("State", "Owed"), top }) },
    { id: "sending", method: "GET", url: queryUrl(site, "outbox", { filter: eq("State", "Sending"), top }) },
  ]);
  const page = (r: typeof owed) => ensureOk<{ value: ListItem[] }>(r).value;
  return { rows: [...page(owed).map(rowFrom), ...page(sending).map(rowFrom)], more: page(owed).length === top || page(sending).length === top };
}

/** Claims a row for `ms`; false when another instance changed it first. Returns the row's new eTag. */
export async function claimRow(site: Site, row: OutboxRow, holder: string, until: Date): Promise<string | null> {
  try {
    const res = (await updateFields(site, "outbox", row.id, { State: "Sending", ClaimedBy: holder.slice(0, 255), ClaimedUntil: until.toISOString(), Attempts: row.attempts + 1 }, row.etag)) as { "@odata.etag"?: string };
    return res["@odata.etag"] ?? "";
  } catch (e) {
    if (e instanceof DataError && (e.kind === "Conflict" || e.kind === "NotFound")) return null;
    throw e;
  }
}

export async function markDone(site: Site, row: OutboxRow, internetMessageId: string, now: Date): Promise<void> {
  await updateFields(site, "outbox", row.id, { State: "Done", DoneAt: now.toISOString(), ClaimedUntil: null, InternetMessageId: internetMessageId.slice(0, 255) });
}

/** Gives a claimed row back (the send failed in a way worth trying again later). */
export async function releaseRow(site: Site, row: OutboxRow): Promise<void> {
  await updateFields(site, "outbox", row.id, { State: "Owed", ClaimedUntil: null });
}

/**
 * A notice owed by the scheduler rather than by a step (a reminder, an escalation): the row's unique Title is the
 * work's own key, so however many instances find the same review due, one row is made.
 */
export async function oweOnce(site: Site, key: string, customerId: string, kind: string, mail: { to: string[]; subject: string; text: string }): Promise<boolean> {
  try {
    await createItem(site, "outbox", { Title: key, CustomerLookupId: Number(customerId), Kind: kind, Recipients: mail.to.join("\n"), Subject: mail.subject.slice(0, 255), Body: mail.text, State: "Owed", Attempts: 0 });
    return true;
  } catch (e) {
    if (e instanceof DataError && e.kind === "Duplicate") return false;
    throw e;
  }
}

// The organisation's settings kept on the site, in UpcServiceState rows titled "settings:<key>" (the office map, the
// organisation's own choices). Only the case service reads and writes them; a write is guarded by the row's ETag, so
// two administrators saving at once cannot silently undo each other.
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import { createItem, persistently, queryPage, updateFields, type Site } from "./items";

export type SettingKey = "offices" | "organisation" | "policy";

export interface StoredSetting {
  id: string | null;
  etag: string | null;
  /** The parsed JSON, or undefined when there is no row yet; `unreadable` when the row holds no JSON. */
  value: unknown;
  unreadable: boolean;
}

const title = (key: SettingKey) => `settings:${key}`;

export async function readSetting(site: Site, key: SettingKey): Promise<StoredSetting> {
  const [row] = await queryPage(site, "serviceState", { filter: eq("Title", title(key)), top: 1, select: ["Title", "Data"] });
  if (!row) return { id: null, etag: null, value: undefined, unreadable: false };
  const data = (row.fields as { Data?: unknown }).Data;
  const etag = row.eTag ?? String((row.fields as Record<string, unknown>)["@odata.etag"] ?? "");
  try {
    return { id: String(row.id), etag, value: typeof data === "string" && data.trim() ? JSON.parse(data) : undefined, unreadable: false };
  } catch {
    return { id: String(row.id), etag, value: undefined, unreadable: true };
  }
}

/**
 * Saves a setting. `etag` is what the writer read (null when there was no row): if someone saved in between, this
 * throws a Conflict DataError and nothing is written.
 */
export async function writeSetting(site: Site, key: SettingKey, value: unknown, read: Pick<StoredSetting, "id" | "etag">): Promise<void> {
  const data = JSON.stringify(value);
  if (read.id) {
    await updateFields(site, "serviceState", read.id, { Data: data }, read.etag ?? undefined);
    return;
  }
  try {
    await persistently(() => createItem(site, "serviceState", { Title: title(key), Data: data }));
  } catch (e) {
    // Title is unique: another administrator created the row first, so this save would overwrite theirs unseen.
    if (e instanceof DataError && e.kind === "Duplicate") throw new DataError("Conflict");
    throw e;
  }
}

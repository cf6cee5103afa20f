// Every query the task pane makes, named in one place, so a write can invalidate exactly what it changed.
import type { ReadItem } from "../office/types";

export const paneKeys = {
  /** The mail open in Outlook (or selected in the harness): read again whenever the host says it changed. */
  item: () => ["pane", "item"] as const,
  flags: () => ["pane", "flag"] as const,
  flag: (item: ReadItem) => ["pane", "flag", item.restId, item.internetMessageId] as const,
  cards: () => ["pane", "card"] as const,
  card: (customerId: string) => ["pane", "card", customerId] as const,
  me: () => ["pane", "me"] as const,
};

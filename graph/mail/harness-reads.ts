// What the browser harness reads to stand in for Outlook: a mailbox's inbox and one message's text, and the demo
// people with their UPC groups (for its user switcher).
import type { Graph } from "../client/factory";
import { query } from "../client/odata";

export interface InboxPage<M> {
  value: M[];
}

/** The newest 50 messages in a mailbox's inbox, with the properties asked for. */
export function inboxMessages<M>(graph: Graph, upn: string, select: string): Promise<InboxPage<M>> {
  return graph.get<InboxPage<M>>(`/users/${encodeURIComponent(upn)}/mailFolders/inbox/messages${query({ $select: select, $orderby: "receivedDateTime desc", $top: 50 })}`);
}

/** One message's body as plain text. */
export async function messageText(graph: Graph, upn: string, messageId: string): Promise<string> {
  const m = await graph.get<{ body?: { content?: string } }>(`/users/${encodeURIComponent(upn)}/messages/${encodeURIComponent(messageId)}${query({ $select: "body" })}`, { Prefer: 'outlook.body-content-type="text"' });
  return m.body?.content ?? "";
}

/** The directory's people (twenty at most) and the UPC groups each is in: one request for the people, one for the groups. */
export async function peopleWithGroups(graph: Graph): Promise<{ upn: string; name: string; groups: string[] }[]> {
  const list = await graph.get<{ value: { id: string; displayName: string; userPrincipalName: string }[] }>(`/users${query({ $select: "id,displayName,userPrincipalName" })}`);
  const groups = await graph.batch(list.value.slice(0, 20).map((u) => ({ id: u.id, method: "GET" as const, url: `/users/${u.id}/transitiveMemberOf${query({ $select: "displayName" })}` })));
  const byId = new Map(groups.map((g) => [g.id, g.status === 200 ? (g.body as { value: { displayName?: string }[] }).value.map((x) => x.displayName ?? "") : []]));
  return list.value.map((u) => ({ upn: u.userPrincipalName.toLowerCase(), name: u.displayName, groups: (byId.get(u.id) ?? []).filter((g) => g.startsWith("UPC ")) }));
}

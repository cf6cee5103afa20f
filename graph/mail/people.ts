// Whom the service watches and writes to: mailboxes by address (or every mailbox on the emulator), and role groups.
import type { Graph } from "../client/factory";
import { odataString, query } from "../client/odata";

export interface MailboxRef {
  upn: string;
  /** The directory object id; change notifications name the mailbox by it. */
  userId: string;
}

interface DirectoryUser {
  id: string;
  userPrincipalName?: string;
  mail?: string | null;
}

/**
 * The given mailboxes resolved to their ids (one $batch per 20), or every user in the directory when none are given,
 * which is what the emulator's demo wants. Unknown addresses are returned in `missing`.
 */
export async function resolveMailboxes(graph: Graph, upns: string[] | null): Promise<{ mailboxes: MailboxRef[]; missing: string[] }> {
  if (!upns) {
    const users = await graph.getAll<DirectoryUser>(`/users${query({ $select: "id,userPrincipalName,mail", $top: 999 })}`);
    return { mailboxes: users.filter((u) => u.userPrincipalName).map((u) => ({ upn: u.userPrincipalName!.toLowerCase(), userId: u.id })), missing: [] };
  }
  const mailboxes: MailboxRef[] = [];
  const missing: string[] = [];
  for (let i = 0; i < upns.length; i += 20) {
    const chunk = upns.slice(i, i + 20);
    const res = await graph.batch(chunk.map((upn, n) => ({ id: String(n), method: "GET" as const, url: `/users/${encodeURIComponent(upn)}${query({ $select: "id,userPrincipalName" })}` })));
    res.forEach((r, n) => {
      if (r.status === 200) mailboxes.push({ upn: chunk[n].toLowerCase(), userId: (r.body as DirectoryUser).id });
      else missing.push(chunk[n]);
    });
  }
  return { mailboxes, missing };
}

/** The user principal names of a directory group's members (e.g. "UPC Managers"); empty if there is no such group. */
export async function groupMemberUpns(graph: Graph, groupName: string): Promise<string[]> {
  const groups = await graph.get<{ value: { id: string }[] }>(`/groups${query({ $filter: `displayName eq ${odataString(groupName)}`, $select: "id" })}`);
  const group = groups.value[0];
  if (!group) return [];
  const members = await graph.getAll<DirectoryUser>(`/groups/${encodeURIComponent(group.id)}/members${query({ $select: "id,userPrincipalName" })}`);
  return members.map((m) => m.userPrincipalName?.toLowerCase()).filter((u): u is string => !!u);
}

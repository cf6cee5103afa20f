// Letters and staff notices created as drafts in the signed-in person's own mailbox (POST /me/messages), for them to
// check and send from Outlook. Plain text bodies, so nothing typed into a letter can become markup.
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";
import { preferImmutable } from "../mail/immutable-ids";

export interface DraftRecipient {
  address: string;
  name?: string;
}

export interface DraftInput {
  subject: string;
  text: string;
  to: DraftRecipient[];
  cc?: DraftRecipient[];
}

export interface CreatedDraft {
  id: string;
  webLink: string | null;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function validRecipient(address: string): boolean {
  return ADDRESS.test(address.trim());
}

const recipient = (r: DraftRecipient) => ({ emailAddress: { address: r.address.trim(), ...(r.name ? { name: r.name } : {}) } });

/** Creates the draft; one request. Addresses are checked first so Outlook never holds a draft it cannot send. */
export async function createDraft(graph: Graph, input: DraftInput): Promise<CreatedDraft> {
  const bad = [...input.to, ...(input.cc ?? [])].find((r) => !validRecipient(r.address));
  if (bad) throw new DataError("Invalid", `"${bad.address}" is not an e-mail address.`);
  // An immutable id: the writer may file or send the draft, and the id kept for it must still name it.
  const created = await graph.post<{ id: string; webLink?: string }>(
    "/me/messages",
    {
      subject: input.subject,
      body: { contentType: "text", content: input.text },
      toRecipients: input.to.map(recipient),
      ...(input.cc?.length ? { ccRecipients: input.cc.map(recipient) } : {}),
    },
    preferImmutable(),
  );
  return { id: created.id, webLink: created.webLink ?? null };
}

// Sending a mail exactly once however often it is tried: the draft carries an internet message id made from the
// outbox row, so a second try finds the first (still a draft: send it; already sent: nothing to do).
import type { Graph } from "../client/factory";
import { odataString, query } from "../client/odata";
import { preferImmutable } from "./immutable-ids";
import type { OutgoingMail } from "./messages";

interface Found {
  id: string;
  isDraft: boolean;
}

/** A stable internet message id (RFC 5322 msg-id) for a piece of work, on the sending mailbox's domain. */
export function messageIdFor(workKey: string, from: string): string {
  const local = workKey.replace(/[^A-Za-z0-9.-]/g, "-").replace(/-+/g, "-");
  return `<upc.${local}@${from.slice(from.lastIndexOf("@") + 1) || "upc.invalid"}>`;
}

/**
 * Graph keeps a draft's internetMessageId (it is writable while isDraft is true: learn.microsoft.com/graph/api/resources/message),
 * and finds it with $filter in any folder. The draft is made with Prefer IdType="ImmutableId" so its id survives the
 * move to Sent Items (learn.microsoft.com/graph/outlook-immutable-id).
 */
export async function sendOnce(graph: Graph, from: string, mail: OutgoingMail, internetMessageId: string, opts: { firstTry?: boolean } = {}): Promise<"sent" | "already sent"> {
  const box = `/users/${encodeURIComponent(from)}`;
  const immutable = preferImmutable();
  const found = opts.firstTry ? { value: [] as Found[] } : await graph.get<{ value: Found[] }>(`${box}/messages${query({ $filter: `internetMessageId eq ${odataString(internetMessageId)}`, $select: "id,isDraft", $top: 5 })}`, immutable);
  const sent = found.value.find((m) => !m.isDraft);
  if (sent) return "already sent";
  let draft = found.value[0];
  if (!draft) {
    draft = await graph.post<Found>(
      `${box}/messages`,
      {
        subject: mail.subject.slice(0, 255),
        body: { contentType: "Text", content: mail.text },
        toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
        internetMessageId,
      },
      immutable,
    );
  }
  await graph.post(`${box}/messages/${encodeURIComponent(draft.id)}/send`, {}, immutable);
  return "sent";
}

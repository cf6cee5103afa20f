// Every mail id the product keeps is an immutable id: an Outlook item's ordinary id changes when it moves to another
// folder (its owner filing it, a rule, Sent Items), and the header "only applies to the request it is included with"
// (learn.microsoft.com/graph/outlook-immutable-id), so each request that reads or uses an id sends it.
export const IMMUTABLE_IDS = 'IdType="ImmutableId"';

/** The Prefer header for a request on messages: immutable ids, with any other preferences given. */
export function preferImmutable(...others: string[]): Record<string, string> {
  return { Prefer: [...others, IMMUTABLE_IDS].join(", ") };
}

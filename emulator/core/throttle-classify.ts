// Which budget a Graph request draws on: SharePoint's resource units (by operation, as the Learn table prices Graph
// calls) or an Outlook mailbox's request and concurrency limits.
import type { Charge } from "./throttle";

const SITE = String.raw`/sites/(?:[^/]+:/sites/[^/:]+:?|[^/]+)`;
const SP = new RegExp(`^${SITE}(?<rest>/.*)?$`, "i");
const MAILBOX = /^\/(?:me|users\/(?<user>[^/]+))\/(?:messages|mailFolders|outlook|sendMail|mailboxSettings|inferenceClassification)(?:[/(?]|$)/i;

/**
 * SharePoint's price list for Graph calls ("Avoid getting throttled or blocked in SharePoint Online", Resource units):
 * 1 for a single item query or a delta with a token, 2 for a multi-item query (a delta without a token included) and
 * for create, update and delete, 5 for anything on permissions.
 */
export function sharePointUnits(method: string, path: string, query: Record<string, string>): number | undefined {
  const m = SP.exec(path);
  if (!m) return undefined;
  const rest = m.groups?.rest ?? "";
  if (/\/permissions(?:\/|$)/i.test(rest) || /permissions/i.test(query.$expand ?? "")) return 5;
  if (method !== "GET") return 2;
  if (/\/items\/delta(?:\(\))?$/i.test(rest)) return query.token && query.token !== "latest" ? 1 : 2;
  // Collections: the site's lists, a list's columns, items or an item's versions.
  if (rest === "" || /\/(?:lists|columns|items|versions)$/i.test(rest)) return rest === "" ? 1 : 2;
  return 1;
}

/** The mailbox an Outlook request addresses, as written in the path (an id or UPN), or "me". */
export function mailboxOf(path: string): string | undefined {
  const m = MAILBOX.exec(path);
  if (!m) return undefined;
  const raw = m.groups?.user;
  if (raw === undefined) return "me";
  let who = raw;
  try {
    who = decodeURIComponent(raw);
  } catch {
    // left as written
  }
  return who.replace(/^\('(.*)'\)$/, "$1");
}

export function chargeOf(method: string, path: string, query: Record<string, string>, resolveMailbox: (who: string) => string | undefined): Charge {
  const units = sharePointUnits(method, path, query);
  if (units !== undefined) return { sharepointUnits: units };
  const who = mailboxOf(path);
  const mailbox = who === undefined ? undefined : resolveMailbox(who);
  return mailbox ? { mailbox } : {};
}

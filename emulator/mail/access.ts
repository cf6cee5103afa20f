// Who may reach which mailbox: a user only their own, the application by its Mail and MailboxSettings permissions.
import type { DirectoryUser, EmulatorContext, EmuRequest } from "../core/types";
import { accessDenied, invalidUser, meNeedsDelegated } from "./errors";
import type { Mailbox, MailStore } from "./store";

export type Need = "read" | "write" | "send" | "settingsRead" | "settingsWrite";

/** Application permissions that grant each kind of access (Graph permissions reference). */
const APP_ROLES: Record<Need, string[]> = {
  read: ["Mail.Read", "Mail.ReadWrite"],
  write: ["Mail.ReadWrite"],
  send: ["Mail.Send"],
  settingsRead: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
  settingsWrite: ["MailboxSettings.ReadWrite"],
};

export interface MailboxAccess {
  user: DirectoryUser;
  mb: Mailbox;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The mailbox a request addresses (`/me/…` or `/users/{id|upn}/…`), after checking the caller may do `need` there.
 * A delegated caller reaches only their own mailbox here: sharing and delegate access are not emulated.
 */
export function mailboxFor(ctx: EmulatorContext, store: MailStore, req: EmuRequest, need: Need): MailboxAccess {
  const p = req.principal;
  const raw = req.params.user;
  let user: DirectoryUser | undefined;
  if (raw === undefined) {
    if (p.kind !== "user") throw meNeedsDelegated();
    user = ctx.directory.findUser(p.userId);
    if (!user) throw invalidUser(p.upn);
  } else {
    const who = decode(raw).replace(/^\('(.*)'\)$/, "$1");
    user = ctx.directory.findUser(who);
    if (!user) throw invalidUser(who);
  }
  if (p.kind === "user") {
    if (p.userId !== user.id) throw accessDenied();
  } else if (!APP_ROLES[need].some((r) => p.roles.includes(r))) {
    throw accessDenied();
  }
  return { user, mb: store.mailboxOf(user) };
}

/** `inbox`, an id, or the OData key form `('inbox')` as captured from the path. */
export function folderRef(raw: string): string {
  return decode(raw).replace(/^\('(.*)'\)$/, "$1");
}

export function idRef(raw: string): string {
  return decode(raw).replace(/^\('(.*)'\)$/, "$1");
}

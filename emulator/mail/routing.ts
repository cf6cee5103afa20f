// Route-building helpers: the /me or /users/{id|upn} prefix, the folder segment in both Graph spellings, labels for stats.
import type { EmuRequest, EmuResponse, Route } from "../core/types";

/** `/me` or `/users/{id|upn}`, captured as `user` (absent for /me). */
export const USER = String.raw`^/(?:me|users/(?<user>[^/]+))`;
/** `/mailFolders/inbox` or `/mailFolders('inbox')`, captured as `folder`. */
export const FOLDER = String.raw`/mailFolders(?:/|(?=\())(?<folder>[^/]+)`;
/** Control routes may be matched with or without the `/_emulator` mount prefix. */
export const CONTROL = String.raw`^(?:/_emulator)?`;

type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

export function route(method: Route["method"], pattern: string, name: string, handler: Handler): Route {
  // Graph paths are case-insensitive (mailfolders, mailFolders, MailFolders).
  return { method, pattern: new RegExp(`${pattern}$`, "i"), name, handler };
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): EmuResponse {
  return { status, body, headers };
}

export function noContent(status = 204): EmuResponse {
  return { status };
}

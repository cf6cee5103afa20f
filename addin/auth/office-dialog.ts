// The Office dialog, the last resort for signing in from Outlook when the host cannot show MSAL's popup.
import { SignInCancelledError, SignInError } from "./errors";

/** Opens a page in a dialog and resolves with the first message it sends back (then closes it). */
export type DialogOpener = (url: string) => Promise<string>;

/** What the sign-in dialog page sends back to the task pane (JSON). */
export type DialogResult =
  | { ok: true; accessToken: string; expiresOn: string | null; username: string }
  | { ok: false; error: string };

// Office's dialog error codes: https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events
const CLOSED_BY_USER = 12006;

/** The real opener, over Office.context.ui.displayDialogAsync. */
export function officeDialogOpener(office: typeof Office = Office): DialogOpener {
  return (url) =>
    new Promise<string>((resolve, reject) => {
      office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
        if (opened.status === office.AsyncResultStatus.Failed) {
          reject(new SignInError(`The sign-in window could not open (${opened.error.code}): ${opened.error.message}`));
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          if ("message" in arg) resolve(arg.message);
          else reject(new SignInError(`The sign-in window failed (${arg.error}).`));
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
          const code = "error" in arg ? arg.error : 0;
          reject(code === CLOSED_BY_USER ? new SignInCancelledError() : new SignInError(`The sign-in window stopped (${code}).`));
        });
      });
    });
}

/** Parses the dialog's message; anything unexpected becomes a SignInError. */
export function parseDialogResult(message: string): DialogResult {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    throw new SignInError("The sign-in window sent back something that is not a sign-in result.");
  }
  const v = value as Partial<{ ok: boolean; accessToken: string; expiresOn: string | null; username: string; error: string }>;
  if (v.ok === true && typeof v.accessToken === "string" && v.accessToken) {
    return { ok: true, accessToken: v.accessToken, expiresOn: v.expiresOn ?? null, username: String(v.username ?? "") };
  }
  if (v.ok === false) return { ok: false, error: String(v.error ?? "unknown error") };
  throw new SignInError("The sign-in window sent back something that is not a sign-in result.");
}

// Finds the pane's host: Outlook when Office.onReady names it, else the browser harness around this page.
import { connectHarnessHost } from "./harness-host";
import { createOutlookHost } from "./outlook";
import type { MailHost } from "./types";

export type HostConnection = { host: MailHost } | { host: null; reason: string };

/** Office.onReady, or null when office.js did not load (a page opened on its own, a test). */
async function officeReady(): Promise<{ host: unknown } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  return Office.onReady();
}

export async function connectHost(): Promise<HostConnection> {
  const info = await officeReady();
  if (info && info.host === Office.HostType.Outlook) return { host: createOutlookHost(Office) };
  // Outside Office, onReady resolves with a null host: run inside the harness when there is one.
  if (window.parent && window.parent !== window) {
    try {
      return { host: await connectHarnessHost({ parent: window.parent, self: window, origin: window.location.origin }) };
    } catch {
      return { host: null, reason: "The harness page around this pane did not answer." };
    }
  }
  return { host: null, reason: "Open this pane from Outlook, or from the browser harness (harness.html)." };
}

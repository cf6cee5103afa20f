// The send-time guard (Smart Alerts, OnMessageSend): warn before mail goes to a restricted customer outside the rules.
// It completes its event exactly once on every path, and a failed or slow check lets the mail go with a notice.
import { checkContact } from "../../shared/restrictions";
import { isSpocFor, spocOf } from "../pane-data/view";
import type { ComposeItem } from "../office/types";
import type { RestrictedRecipient } from "../../graph/lookup/recipients";

/** What event.completed takes (Office.SmartAlertsEventCompletedOptions, the parts the guard uses). */
export interface CompletedOptions {
  allowEvent: boolean;
  errorMessage?: string;
  /** "promptUser": the officer may choose Send Anyway (Mailbox 1.14); older clients fall back to the manifest's mode. */
  sendModeOverride?: string;
  cancelLabel?: string;
}

export interface SendEvent {
  completed(options?: CompletedOptions): void;
}

export interface GuardDeps {
  compose: ComposeItem;
  /** The sender's own address (the officer's mailbox). */
  me: string;
  /** Restricted customers among these addresses (throws when the register cannot be reached). */
  restricted(addresses: string[]): Promise<RestrictedRecipient[]>;
  /** Outlook shows "taking longer than expected" after 5 s: the check gives up before that. */
  timeoutMs?: number;
  /** How long the best-effort notice may take before the mail is let go anyway. */
  noticeTimeoutMs?: number;
  now?: () => Date;
}

export type GuardOutcome =
  | { result: "allowed" }
  | { result: "warned"; reasons: string[] }
  | { result: "unchecked"; why: "timeout" | "failed" };

/** Smart Alerts' dialog text limit. */
export const ERROR_MESSAGE_MAX = 500;
export const NOTICE_KEY = "upc-send-check";
export const UNCHECKED_NOTICE = "UPC could not check the recipients against the register, so this mail was sent unchecked.";

/** Why sending to these recipients needs a second thought, one line per problem, in staff's words. */
export function reasonsFor(recipients: readonly RestrictedRecipient[], me: string, at: Date): string[] {
  const lines: string[] = [];
  for (const r of recipients) {
    const c = r.customer;
    const who = `${c.name} (${c.caseRef})`;
    const own: string[] = [];
    const spoc = spocOf(c, r.restrictions);
    const isSpoc = isSpocFor(me, c, r.restrictions);
    if (spoc && !isSpoc) own.push(`only ${spoc.name}${spoc.inbox ? ` (${spoc.address})` : ""}, their single point of contact, should write to them`);
    if (c.allowedChannels.length && !c.allowedChannels.includes("Email")) {
      own.push(`e-mail is not an allowed channel (allowed: ${c.allowedChannels.map((ch) => (ch === "InPerson" ? "in person" : ch.toLowerCase())).join(", ")})`);
    }
    const check = checkContact({
      restrictions: r.restrictions,
      history: [],
      proposed: { at, channel: "Email", direction: "Out", staffUpn: me },
      spoc: { upn: c.spocUpn, deputyUpn: c.spocDeputyUpn },
    });
    for (const b of check.breaches) {
      // The SPOC line already says who may write; the named-officer breach would repeat it.
      if (b.kind === "NamedOfficer" && own.length && spoc && !isSpoc) continue;
      own.push(b.message.charAt(0).toLowerCase() + b.message.slice(1));
    }
    for (const line of own) lines.push(`${who}: ${line}.`);
  }
  return [...new Set(lines)];
}

export function warningText(reasons: readonly string[]): string {
  const head = "This mail goes to a customer under UPC restrictions.";
  const tail = "Send anyway only if the policy allows it (emergencies and statutory requests always go).";
  let body = reasons.map((r) => `• ${r}`).join("\n");
  const room = ERROR_MESSAGE_MAX - head.length - tail.length - 2;
  if (body.length > room) body = `${body.slice(0, room - 1).trimEnd()}…`;
  return `${head}\n${body}\n${tail}`;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve("timeout"), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Runs the check and completes `event` exactly once, whatever happens. Never prompts (event handlers stay silent). */
export async function guardSend(event: SendEvent, deps: GuardDeps): Promise<GuardOutcome> {
  let finished = false;
  const complete = (options: CompletedOptions) => {
    if (finished) return false;
    finished = true;
    try {
      event.completed(options);
    } catch {
      /* Outlook has already moved on */
    }
    return true;
  };
  const letGo = async (why: "timeout" | "failed"): Promise<GuardOutcome> => {
    if (finished) return { result: "unchecked", why };
    try {
      await withTimeout(deps.compose.notify(NOTICE_KEY, UNCHECKED_NOTICE), deps.noticeTimeoutMs ?? 500);
    } catch {
      /* the notice is a courtesy */
    }
    complete({ allowEvent: true });
    return { result: "unchecked", why };
  };

  const check = async (): Promise<GuardOutcome> => {
    const [to, cc, bcc] = await Promise.all([deps.compose.to(), deps.compose.cc(), deps.compose.bcc()]);
    const addresses = [...new Set([...to, ...cc, ...bcc].map((a) => a.address.trim().toLowerCase()).filter(Boolean))];
    if (addresses.length === 0) return { result: "allowed" };
    const recipients = await deps.restricted(addresses);
    const reasons = reasonsFor(recipients, deps.me.trim().toLowerCase(), (deps.now ?? (() => new Date()))());
    return reasons.length ? { result: "warned", reasons } : { result: "allowed" };
  };

  let outcome: GuardOutcome | "timeout";
  try {
    outcome = await withTimeout(check(), deps.timeoutMs ?? 4000);
  } catch {
    return letGo("failed");
  }
  if (outcome === "timeout") return letGo("timeout");
  if (outcome.result === "warned") {
    complete({ allowEvent: false, errorMessage: warningText(outcome.reasons), sendModeOverride: "promptUser", cancelLabel: "Don't send" });
  } else {
    complete({ allowEvent: true });
  }
  return outcome;
}

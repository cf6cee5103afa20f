// The harness's Office.js stand-in: answers the task pane's host calls for the message selected in the harness.
import { isHostRequest, type HelloReply, type HostCall, type HostReply, type WireItem } from "../office/harness-protocol";
import type { HostTheme, InfoBarKind, MailAddress } from "../office/types";

export interface CapturedForm {
  at: string;
  kind: "forwardAsAttachment" | "newMessage";
  to: MailAddress[];
  subject: string;
  body: string;
  /** The subject of the mail attached, for a forward. */
  attachment: string | null;
}

export interface StandInState {
  user(): string;
  theme(): HostTheme;
  /** The selected message as the pane sees it, or null. */
  item(): WireItem | null;
  setInfoBar(itemId: string, key: string, bar: { kind: InfoBarKind; text: string } | null): void;
  captureForm(form: CapturedForm): void;
}

/** Answers one host call; throws (becoming a failed reply) for what Outlook would refuse. */
export function answer(call: HostCall, s: StandInState): unknown {
  switch (call.method) {
    case "hello":
      return { user: s.user(), theme: s.theme() } satisfies HelloReply;
    case "currentItem":
      return s.item();
    case "showInfoBar": {
      const item = s.item();
      if (!item) throw new Error("No mail is selected.");
      if (call.text.length > 150) throw new Error("The info bar takes at most 150 characters.");
      s.setInfoBar(item.restId, call.key, { kind: call.kind, text: call.text });
      return null;
    }
    case "clearInfoBar": {
      const item = s.item();
      if (item) s.setInfoBar(item.restId, call.key, null);
      return null;
    }
    case "forwardAsAttachment": {
      const item = s.item();
      if (!item) throw new Error("No mail is selected.");
      s.captureForm({ at: new Date().toISOString(), kind: "forwardAsAttachment", to: [call.to], subject: call.subject, body: call.body, attachment: item.subject || "(no subject)" });
      return null;
    }
    case "newMessage":
      s.captureForm({ at: new Date().toISOString(), kind: "newMessage", to: call.to, subject: call.subject, body: call.body, attachment: null });
      return null;
  }
}

/** Listens for the pane's requests (same origin, from the pane's frame only) and replies to each. */
export function listen(win: Window, frame: () => Window | null, s: StandInState): () => void {
  const onMessage = (ev: MessageEvent) => {
    const pane = frame();
    if (!pane || ev.source !== pane || ev.origin !== win.location.origin || !isHostRequest(ev.data)) return;
    let reply: HostReply;
    try {
      reply = { channel: "upc-host-reply", id: ev.data.id, ok: true, value: answer(ev.data.call, s) };
    } catch (e) {
      reply = { channel: "upc-host-reply", id: ev.data.id, ok: false, error: (e as Error).message };
    }
    pane.postMessage(reply, win.location.origin);
  };
  win.addEventListener("message", onMessage);
  return () => win.removeEventListener("message", onMessage);
}

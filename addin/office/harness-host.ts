// The MailHost the task pane uses outside Outlook: every call goes to the parent harness page by postMessage.
import { OfficeError } from "./async";
import { isHostEvent, isHostReply, type HelloReply, type HostCall, type WireItem } from "./harness-protocol";
import { clipInfoBar, type HostTheme, type MailHost, type ReadItem } from "./types";

export interface HarnessWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface HarnessHostOptions {
  /** The harness page (window.parent). */
  parent: HarnessWindow;
  /** This page's own window, whose "message" events carry the answers. */
  self: Pick<Window, "addEventListener" | "removeEventListener">;
  /** Only messages from this origin (the harness is served with the pane) are read. */
  origin: string;
  timeoutMs?: number;
}

export function itemFromWire(w: WireItem | null): ReadItem | null {
  if (!w) return null;
  return { ...w, received: w.received ? new Date(w.received) : null };
}

/** Connects to the harness: resolves once it answers "hello" with the user and theme. */
export async function connectHarnessHost(opts: HarnessHostOptions): Promise<MailHost> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(t: HostTheme) => void>();
  let theme: HostTheme = "light";

  opts.self.addEventListener("message", (ev: MessageEvent) => {
    if (ev.origin !== opts.origin || ev.source !== (opts.parent as unknown)) return;
    const data = ev.data;
    if (isHostReply(data)) {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      clearTimeout(p.timer);
      if (data.ok) p.resolve(data.value);
      else p.reject(new OfficeError(data.error || "The harness could not do that."));
    } else if (isHostEvent(data)) {
      if (data.event === "itemChanged") itemListeners.forEach((l) => l());
      else if (data.event === "theme") {
        theme = data.theme;
        themeListeners.forEach((l) => l(theme));
      }
    }
  });

  const call = <T>(c: HostCall): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new OfficeError("The harness did not answer."));
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      opts.parent.postMessage({ channel: "upc-host", id, call: c }, opts.origin);
    });

  const hello = await call<HelloReply>({ method: "hello" });
  theme = hello.theme;
  const user = hello.user.toLowerCase();

  return {
    kind: "harness",
    userAddress: () => user,
    currentItem: async () => itemFromWire(await call<WireItem | null>({ method: "currentItem" })),
    async onItemChanged(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    showInfoBar: (key, kind, text) => call<void>({ method: "showInfoBar", key, kind, text: clipInfoBar(text) }),
    clearInfoBar: (key) => call<void>({ method: "clearInfoBar", key }),
    forwardAsAttachment: (to, subject, body) => call<void>({ method: "forwardAsAttachment", to, subject, body }),
    newMessage: (to, subject, body) => call<void>({ method: "newMessage", to, subject, body }),
    theme: () => theme,
    async onThemeChanged(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
  };
}

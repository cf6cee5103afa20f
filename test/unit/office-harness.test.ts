// The harness MailHost and the harness's Office.js stand-in talking over a fake postMessage channel.
import { describe, expect, it } from "vitest";
import { connectHarnessHost } from "../../addin/office/harness-host";
import type { WireItem } from "../../addin/office/harness-protocol";
import { isHostRequest } from "../../addin/office/harness-protocol";
import { answer, type CapturedForm, type StandInState } from "../../addin/harness/stand-in";

const ORIGIN = "https://localhost:3000";

/** Two windows joined the way the harness page and its pane iframe are. */
function channel(state: StandInState, opts: { otherOrigin?: boolean } = {}) {
  const paneListeners = new Set<(e: MessageEvent) => void>();
  const parent = {
    postMessage(message: unknown) {
      if (!isHostRequest(message)) return;
      let reply;
      try {
        reply = { channel: "upc-host-reply", id: message.id, ok: true, value: answer(message.call, state) };
      } catch (e) {
        reply = { channel: "upc-host-reply", id: message.id, ok: false, error: (e as Error).message };
      }
      queueMicrotask(() => paneListeners.forEach((l) => l({ data: reply, origin: opts.otherOrigin ? "https://evil.example" : ORIGIN, source: parent } as unknown as MessageEvent)));
    },
  };
  const self = {
    addEventListener: (_t: string, l: (e: MessageEvent) => void) => paneListeners.add(l),
    removeEventListener: (_t: string, l: (e: MessageEvent) => void) => paneListeners.delete(l),
  } as unknown as Window;
  const emit = (data: unknown) => paneListeners.forEach((l) => l({ data, origin: ORIGIN, source: parent } as unknown as MessageEvent));
  return { parent, self, emit };
}

const ITEM: WireItem = {
  restId: "AAMk1",
  internetMessageId: "<1@x>",
  subject: "Bins",
  from: { name: "Seán", address: "o'brien@example.org" },
  sender: null,
  to: [],
  cc: [],
  received: "2026-03-04T09:00:00.000Z",
};

function state() {
  const bars: Record<string, Record<string, string>> = {};
  const forms: CapturedForm[] = [];
  let item: WireItem | null = ITEM;
  const s: StandInState = {
    user: () => "Sam.Officer@upc.test",
    theme: () => "dark",
    item: () => item,
    setInfoBar: (id, key, bar) => {
      bars[id] ??= {};
      if (bar) bars[id][key] = `${bar.kind}: ${bar.text}`;
      else delete bars[id][key];
    },
    captureForm: (f) => forms.push(f),
  };
  return { s, bars, forms, select: (i: WireItem | null) => (item = i) };
}

describe("the harness host", () => {
  it("says hello, reads the selected mail with its date, and shows and clears the info bar", async () => {
    const st = state();
    const ch = channel(st.s);
    const host = await connectHarnessHost({ parent: ch.parent, self: ch.self, origin: ORIGIN });
    expect(host.kind).toBe("harness");
    expect(host.userAddress()).toBe("sam.officer@upc.test");
    expect(host.theme()).toBe("dark");
    expect(await host.currentItem()).toEqual({ ...ITEM, received: new Date("2026-03-04T09:00:00.000Z") });
    await host.showInfoBar("upc-flag", "informational", "UPC restricted");
    expect(st.bars.AAMk1).toEqual({ "upc-flag": "informational: UPC restricted" });
    await host.clearInfoBar("upc-flag");
    expect(st.bars.AAMk1).toEqual({});
  });

  it("captures the new-message forms Outlook would open, with the mail attached for a forward", async () => {
    const st = state();
    const ch = channel(st.s);
    const host = await connectHarnessHost({ parent: ch.parent, self: ch.self, origin: ORIGIN });
    await host.forwardAsAttachment({ name: "Kim Officer", address: "kim.officer@upc.test" }, "UPC-0001: Bins", "Please deal");
    expect(st.forms[0]).toMatchObject({ kind: "forwardAsAttachment", to: [{ name: "Kim Officer", address: "kim.officer@upc.test" }], attachment: "Bins" });
    st.select(null);
    await expect(host.forwardAsAttachment({ name: "K", address: "k@x" }, "s", "b")).rejects.toMatchObject({ message: "No mail is selected." });
  });

  it("hears item changes and theme changes", async () => {
    const st = state();
    const ch = channel(st.s);
    const host = await connectHarnessHost({ parent: ch.parent, self: ch.self, origin: ORIGIN });
    const heard: string[] = [];
    const stop = await host.onItemChanged(() => heard.push("item"));
    await host.onThemeChanged((t) => heard.push(t));
    ch.emit({ channel: "upc-host-event", event: "itemChanged" });
    ch.emit({ channel: "upc-host-event", event: "theme", theme: "highContrast" });
    stop();
    ch.emit({ channel: "upc-host-event", event: "itemChanged" });
    expect(heard).toEqual(["item", "highContrast"]);
    expect(host.theme()).toBe("highContrast");
  });

  it("ignores answers from another origin (and so never connects)", async () => {
    const ch = channel(state().s, { otherOrigin: true });
    await expect(connectHarnessHost({ parent: ch.parent, self: ch.self, origin: ORIGIN, timeoutMs: 50 })).rejects.toMatchObject({ message: "The harness did not answer." });
  });
});

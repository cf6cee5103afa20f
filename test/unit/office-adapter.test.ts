// The Office.js adapter against office-addin-mock: the read item, item changes, the info bar, forms, theme, compose.
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { officeAsync, OfficeError } from "../../addin/office/async";
import { createComposeItem, createOutlookHost, INFO_BAR_ICON, textToHtmlBody } from "../../addin/office/outlook";
import { themeFrom } from "../../addin/office/theme";
import { clipInfoBar } from "../../addin/office/types";

type Callback = (r: { status: string; value?: unknown; error?: { message: string; code: number } }) => void;

interface Calls {
  restIds: [string, string][];
  handlers: { type: string; handler: () => void }[];
  removed: string[];
  bars: { op: string; key: string; details?: Record<string, unknown> }[];
  forms: Record<string, unknown>[];
}

const ok = (cb: Callback | undefined, value?: unknown) => cb?.({ status: "succeeded", value });
const fail = (cb: Callback | undefined, message = "Outlook said no") => cb?.({ status: "failed", error: { message, code: 9041 } });

/** Office, as office-addin-mock builds it from a seed (host "outlook"; enums seeded by hand with office.js's values). */
function mockOffice(opts: { failBars?: boolean; noItem?: boolean; failForms?: boolean; theme?: Record<string, unknown>; item?: Record<string, unknown> } = {}) {
  const calls: Calls = { restIds: [], handlers: [], removed: [], bars: [], forms: [] };
  const item = {
    itemType: "message",
    itemId: "AAMkAD=EWS/id+1",
    internetMessageId: "<abc@mail.example>",
    subject: "<b>Bins</b> again",
    dateTimeCreated: new Date("2026-03-02T09:30:00Z"),
    from: { displayName: "Seán O'Brien", emailAddress: "o'brien@example.org" },
    sender: { displayName: "Assistant", emailAddress: "pa@example.org" },
    to: [{ displayName: "Sam Officer", emailAddress: "sam.officer@upc.test" }],
    cc: [{ displayName: "", emailAddress: "complaints@upc.test" }, { displayName: "nobody", emailAddress: "" }],
    notificationMessages: {
      replaceAsync(key: string, details: Record<string, unknown>, cb?: Callback) {
        calls.bars.push({ op: "replace", key, details });
        if (opts.failBars) fail(cb);
        else ok(cb);
      },
      removeAsync(key: string, cb?: Callback) {
        calls.bars.push({ op: "remove", key });
        ok(cb);
      },
    },
    ...opts.item,
  };
  const seed = {
    host: "outlook",
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
      ItemNotificationMessageType: { ProgressIndicator: "progressIndicator", InformationalMessage: "informationalMessage", ErrorMessage: "errorMessage", InsightMessage: "insightMessage" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
    },
    context: {
      officeTheme: opts.theme ?? { bodyBackgroundColor: "#ffffff", isDarkTheme: false },
      mailbox: {
        userProfile: { emailAddress: "Sam.Officer@upc.test", displayName: "Sam Officer" },
        ...(opts.noItem ? {} : { item }),
        convertToRestId(id: string, version: string) {
          calls.restIds.push([id, version]);
          return `rest-${id.replace(/\//g, "-").replace(/\+/g, "_")}`;
        },
        addHandlerAsync(type: string, handler: () => void, cb?: Callback) {
          calls.handlers.push({ type, handler });
          ok(cb);
        },
        removeHandlerAsync(type: string, cb?: Callback) {
          calls.removed.push(type);
          ok(cb);
        },
        displayNewMessageFormAsync(form: Record<string, unknown>, cb?: Callback) {
          calls.forms.push(form);
          if (opts.failForms) fail(cb, "Attachments are not supported here");
          else ok(cb);
        },
      },
    },
  };
  const office = new OfficeMockObject(seed) as unknown as typeof Office;
  return { office, calls };
}

const noMedia = { matchMedia: () => ({ matches: false }) };

describe("officeAsync", () => {
  it("resolves with the value of a succeeded result and rejects a failed one with Outlook's words", async () => {
    await expect(officeAsync<number>((cb) => cb({ status: "succeeded", value: 7 } as unknown as Office.AsyncResult<number>))).resolves.toBe(7);
    const failed = officeAsync<void>((cb) => cb({ status: "failed", error: { message: "No access", code: 9017 } } as unknown as Office.AsyncResult<void>));
    await expect(failed).rejects.toBeInstanceOf(OfficeError);
    await expect(failed).rejects.toMatchObject({ message: "No access", code: 9017 });
  });

  it("rejects when the call itself throws", async () => {
    await expect(
      officeAsync<void>(() => {
        throw new Error("ArgumentOutOfRange");
      }),
    ).rejects.toMatchObject({ name: "OfficeError", message: "ArgumentOutOfRange" });
  });
});

describe("the Outlook MailHost", () => {
  it("reads the selected mail: addresses, subject, received time, internet message id and the REST id", async () => {
    const { office, calls } = mockOffice();
    const host = createOutlookHost(office, noMedia);
    expect(host.kind).toBe("outlook");
    expect(host.userAddress()).toBe("sam.officer@upc.test");
    const item = await host.currentItem();
    expect(item).toEqual({
      restId: "rest-AAMkAD=EWS-id_1",
      internetMessageId: "<abc@mail.example>",
      subject: "<b>Bins</b> again",
      from: { name: "Seán O'Brien", address: "o'brien@example.org" },
      sender: { name: "Assistant", address: "pa@example.org" },
      to: [{ name: "Sam Officer", address: "sam.officer@upc.test" }],
      cc: [{ name: "", address: "complaints@upc.test" }],
      received: new Date("2026-03-02T09:30:00Z"),
    });
    expect(calls.restIds).toEqual([["AAMkAD=EWS/id+1", "v2.0"]]);
  });

  it("has no item when nothing (or an appointment) is selected", async () => {
    expect(await createOutlookHost(mockOffice({ noItem: true }).office, noMedia).currentItem()).toBeNull();
    expect(await createOutlookHost(mockOffice({ item: { itemType: "appointment" } }).office, noMedia).currentItem()).toBeNull();
  });

  it("follows ItemChanged and stops when asked", async () => {
    const { office, calls } = mockOffice();
    const host = createOutlookHost(office, noMedia);
    let changes = 0;
    const stop = await host.onItemChanged(() => changes++);
    expect(calls.handlers.map((h) => h.type)).toEqual(["olkItemSelectedChanged"]);
    calls.handlers[0].handler();
    calls.handlers[0].handler();
    expect(changes).toBe(2);
    stop();
    expect(calls.removed).toEqual(["olkItemSelectedChanged"]);
  });

  it("shows the info bar as an informational message of at most 150 characters, and an error bar without an icon", async () => {
    const { office, calls } = mockOffice();
    const host = createOutlookHost(office, noMedia);
    await host.showInfoBar("upc-flag", "informational", `UPC restricted: ${"x".repeat(300)}`);
    const info = calls.bars[0];
    expect(info.op).toBe("replace");
    expect(info.key).toBe("upc-flag");
    expect(info.details).toMatchObject({ type: "informationalMessage", icon: INFO_BAR_ICON, persistent: false });
    expect(String(info.details!.message).length).toBe(150);
    expect(String(info.details!.message).endsWith("…")).toBe(true);

    await host.showInfoBar("upc-flag", "error", "Could not check");
    expect(calls.bars[1].details).toEqual({ type: "errorMessage", message: "Could not check" });
    await host.clearInfoBar("upc-flag");
    expect(calls.bars[2]).toEqual({ op: "remove", key: "upc-flag" });
  });

  it("rejects when Outlook refuses the info bar", async () => {
    const host = createOutlookHost(mockOffice({ failBars: true }).office, noMedia);
    await expect(host.showInfoBar("k", "informational", "hello")).rejects.toMatchObject({ name: "OfficeError", message: "Outlook said no" });
  });

  it("opens a new message to the SPOC with the selected mail attached, the body as escaped HTML", async () => {
    const { office, calls } = mockOffice();
    const host = createOutlookHost(office, noMedia);
    await host.forwardAsAttachment({ name: "Kim Officer", address: "kim.officer@upc.test" }, "UPC-0001: Bins", "Line 1\n<script>x</script>");
    expect(calls.forms[0]).toEqual({
      toRecipients: [{ displayName: "Kim Officer", emailAddress: "kim.officer@upc.test" }],
      subject: "UPC-0001: Bins",
      htmlBody: "Line 1<br>&#60;script&#62;x&#60;/script&#62;",
      attachments: [{ type: "item", itemId: "AAMkAD=EWS/id+1", name: "<b>Bins</b> again" }],
    });
    await host.newMessage([{ name: "", address: "customer.relations@upc.test" }], "S", "B");
    expect(calls.forms[1]).toEqual({ toRecipients: [{ displayName: "customer.relations@upc.test", emailAddress: "customer.relations@upc.test" }], subject: "S", htmlBody: "B" });
  });

  it("rejects when the new message cannot be opened", async () => {
    const host = createOutlookHost(mockOffice({ failForms: true }).office, noMedia);
    await expect(host.forwardAsAttachment({ name: "K", address: "k@upc.test" }, "s", "b")).rejects.toMatchObject({ message: "Attachments are not supported here" });
  });

  it("takes the theme from Office, high contrast from forced colours, and follows theme changes", async () => {
    expect(createOutlookHost(mockOffice({ theme: { isDarkTheme: true } }).office, noMedia).theme()).toBe("dark");
    expect(createOutlookHost(mockOffice({ theme: { bodyBackgroundColor: "#1f1f1f" } }).office, noMedia).theme()).toBe("dark");
    expect(createOutlookHost(mockOffice().office, { matchMedia: () => ({ matches: true }) }).theme()).toBe("highContrast");
    const { office, calls } = mockOffice();
    const host = createOutlookHost(office, noMedia);
    const seen: string[] = [];
    await host.onThemeChanged((t) => seen.push(t));
    expect(calls.handlers.map((h) => h.type)).toEqual(["officeThemeChanged"]);
    calls.handlers[0].handler();
    expect(seen).toEqual(["light"]);
  });
});

describe("the compose item (send-time guard)", () => {
  it("reads recipients through getAsync and shows a notice", async () => {
    const recipients = (list: { displayName: string; emailAddress: string }[]) => ({ getAsync: (cb: Callback) => ok(cb, list) });
    const { office, calls } = mockOffice({
      item: {
        to: recipients([{ displayName: "Seán", emailAddress: "o'brien@example.org" }]),
        cc: recipients([]),
        bcc: { getAsync: (cb: Callback) => fail(cb, "bcc unavailable") },
        subject: { getAsync: (cb: Callback) => ok(cb, "Re: bins") },
      },
    });
    const compose = createComposeItem(office);
    expect(await compose.to()).toEqual([{ name: "Seán", address: "o'brien@example.org" }]);
    expect(await compose.cc()).toEqual([]);
    await expect(compose.bcc()).rejects.toMatchObject({ message: "bcc unavailable" });
    expect(await compose.subject()).toBe("Re: bins");
    await compose.notify("upc-send-check", "Sent unchecked");
    expect(calls.bars[0]).toMatchObject({ op: "replace", key: "upc-send-check", details: { type: "informationalMessage", message: "Sent unchecked" } });
  });
});

describe("helpers", () => {
  it("clips the info bar, escapes HTML bodies and reads themes", () => {
    expect(clipInfoBar("  a\n b  ")).toBe("a b");
    expect(clipInfoBar("y".repeat(150))).toHaveLength(150);
    expect(textToHtmlBody(`a & "b"\r\nc`)).toBe("a &#38; &#34;b&#34;<br>c");
    expect(themeFrom(null, false)).toBe("light");
    expect(themeFrom({ bodyBackgroundColor: "#fafafa" }, false)).toBe("light");
  });
});

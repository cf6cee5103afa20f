// The send-time guard's every path with a fake OnMessageSend event: it completes exactly once, whatever happens.
import { describe, expect, it, vi } from "vitest";
import { ERROR_MESSAGE_MAX, guardSend, NOTICE_KEY, reasonsFor, UNCHECKED_NOTICE, warningText, type CompletedOptions, type GuardDeps } from "../../addin/commands/guard";
import type { RestrictedRecipient } from "../../graph/lookup/recipients";
import type { ComposeItem, MailAddress } from "../../addin/office/types";
import type { Customer, Restriction } from "../../shared/domain/records";
import type { RestrictionParams } from "../../shared/domain/restriction-params";

const AT = new Date("2026-03-03T10:30:00Z");

function customer(over: Partial<Customer>): Customer {
  return {
    id: "1",
    name: "Seán O'Brien",
    caseRef: "UPC-0001",
    kind: "Individual",
    status: "Restricted",
    policyId: "cumbria-fire-2023",
    serviceAreas: "Prevention",
    spocUpn: null,
    spocName: null,
    spocDeputyUpn: null,
    allowedChannels: [],
    staffGuidance: "",
    adjustments: "",
    ...over,
  };
}

function restriction(params: RestrictionParams, customerId = "1"): Restriction {
  return { id: `r-${params.kind}`, title: params.kind, customerId, kind: params.kind, params, startsAt: "2026-01-01T00:00:00Z", endsAt: null, reviewDue: null, state: "Active" };
}

function recipient(c: Customer, restrictions: Restriction[], matched = "o'brien@example.org"): RestrictedRecipient {
  return { matched, identity: { id: "i1", value: matched, kind: "Email", customerId: c.id!, customerStatus: c.status, customerName: c.name, caseRef: c.caseRef }, customer: c, restrictions };
}

const SEAN = recipient(customer({ spocUpn: "kim.officer@upc.test", spocName: "Kim Officer" }), [
  restriction({ kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } }),
]);
const HAL = recipient(customer({ id: "2", name: "Hal Pemberton", caseRef: "UPC-0007", spocUpn: "mo.manager@upc.test", spocName: "Mo Manager", allowedChannels: ["Letter"] }), [restriction({ kind: "SingleChannel", channel: "Letter" }, "2")], "hal.pemberton@example.org");
const FRANK = recipient(customer({ id: "3", name: "Frank Doyle", caseRef: "UPC-0027", spocUpn: "kim.officer@upc.test", spocName: "Kim Officer", allowedChannels: ["Email"] }), [restriction({ kind: "SingleChannel", channel: "Email" }, "3")], "frank.doyle@example.org");

function fakeEvent() {
  const completed: CompletedOptions[] = [];
  return { event: { completed: (o?: CompletedOptions) => void completed.push(o ?? { allowEvent: true }) }, completed };
}

function compose(to: string[], opts: { fail?: boolean; notifyHangs?: boolean } = {}): ComposeItem & { notices: string[] } {
  const notices: string[] = [];
  const list = (a: string[]): Promise<MailAddress[]> => (opts.fail ? Promise.reject(new Error("no access")) : Promise.resolve(a.map((address) => ({ name: "", address }))));
  return {
    notices,
    to: () => list(to),
    cc: () => list([]),
    bcc: () => list([]),
    subject: async () => "Re: your enquiry",
    notify: (key, text) => {
      notices.push(`${key}: ${text}`);
      return opts.notifyHangs ? new Promise(() => undefined) : Promise.resolve();
    },
  };
}

function deps(over: Partial<GuardDeps> & { compose: ComposeItem }): GuardDeps {
  return { me: "sam.officer@upc.test", restricted: async () => [], timeoutMs: 1000, noticeTimeoutMs: 50, now: () => AT, ...over };
}

describe("guardSend", () => {
  it("lets a mail with no recipients go without asking the register", async () => {
    const { event, completed } = fakeEvent();
    const restricted = vi.fn(async () => []);
    expect(await guardSend(event, deps({ compose: compose([]), restricted }))).toEqual({ result: "allowed" });
    expect(completed).toEqual([{ allowEvent: true }]);
    expect(restricted).not.toHaveBeenCalled();
  });

  it("lets mail to people on no register go", async () => {
    const { event, completed } = fakeEvent();
    const restricted = vi.fn(async () => []);
    await guardSend(event, deps({ compose: compose(["alice@example.com", "Bob@Example.com"]), restricted }));
    expect(restricted).toHaveBeenCalledWith(["alice@example.com", "bob@example.com"]);
    expect(completed).toEqual([{ allowEvent: true }]);
  });

  it("warns (soft block: the officer may send anyway) when the sender is not a restricted customer's SPOC", async () => {
    const { event, completed } = fakeEvent();
    const outcome = await guardSend(event, deps({ compose: compose(["o'brien@example.org"]), restricted: async () => [SEAN] }));
    expect(outcome.result).toBe("warned");
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(completed[0].errorMessage).toContain("Seán O'Brien (UPC-0001): only Kim Officer, their single point of contact, should write to them.");
    // The named-officer breach says the same thing; it is not repeated.
    expect(completed[0].errorMessage).not.toMatch(/may deal with this customer/);
  });

  it("lets the SPOC write by e-mail when e-mail is allowed", async () => {
    const { event, completed } = fakeEvent();
    const outcome = await guardSend(event, deps({ me: "kim.officer@upc.test", compose: compose(["frank.doyle@example.org", "o'brien@example.org"]), restricted: async () => [FRANK, SEAN] }));
    expect(outcome).toEqual({ result: "allowed" });
    expect(completed).toEqual([{ allowEvent: true }]);
  });

  it("warns the SPOC too when e-mail is not an allowed channel", async () => {
    const { event, completed } = fakeEvent();
    const outcome = await guardSend(event, deps({ me: "mo.manager@upc.test", compose: compose(["hal.pemberton@example.org"]), restricted: async () => [HAL] }));
    expect(outcome.result).toBe("warned");
    const text = completed[0].errorMessage!;
    expect(text).toContain("Hal Pemberton (UPC-0007): e-mail is not an allowed channel (allowed: letter).");
    expect(text).toContain("Hal Pemberton (UPC-0007): letters only: this customer may not be answered by e-mail.");
    expect(text).not.toContain("single point of contact");
  });

  it("lets the mail go with a notice when the register cannot be reached", async () => {
    const { event, completed } = fakeEvent();
    const c = compose(["o'brien@example.org"]);
    const outcome = await guardSend(event, deps({ compose: c, restricted: async () => Promise.reject(new Error("503")) }));
    expect(outcome).toEqual({ result: "unchecked", why: "failed" });
    expect(c.notices).toEqual([`${NOTICE_KEY}: ${UNCHECKED_NOTICE}`]);
    expect(completed).toEqual([{ allowEvent: true }]);
  });

  it("lets the mail go with a notice when the check is too slow, and never completes twice", async () => {
    const { event, completed } = fakeEvent();
    let answer: (r: RestrictedRecipient[]) => void = () => undefined;
    const c = compose(["o'brien@example.org"]);
    const outcome = await guardSend(event, deps({ compose: c, timeoutMs: 30, restricted: () => new Promise((r) => (answer = r)) }));
    expect(outcome).toEqual({ result: "unchecked", why: "timeout" });
    answer([SEAN]);
    await new Promise((r) => setTimeout(r, 20));
    expect(completed).toEqual([{ allowEvent: true }]);
    expect(c.notices).toHaveLength(1);
  });

  it("lets the mail go when the recipients cannot be read", async () => {
    const { event, completed } = fakeEvent();
    const outcome = await guardSend(event, deps({ compose: compose(["x@y.z"], { fail: true }) }));
    expect(outcome).toEqual({ result: "unchecked", why: "failed" });
    expect(completed).toEqual([{ allowEvent: true }]);
  });

  it("does not wait for a notice that hangs", async () => {
    const { event, completed } = fakeEvent();
    const started = Date.now();
    await guardSend(event, deps({ compose: compose(["o'brien@example.org"], { notifyHangs: true }), restricted: async () => Promise.reject(new Error("down")) }));
    expect(completed).toEqual([{ allowEvent: true }]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("survives an event that throws when completed", async () => {
    const completed = vi.fn(() => {
      throw new Error("already completed");
    });
    await expect(guardSend({ completed }, deps({ compose: compose(["o'brien@example.org"]), restricted: async () => [SEAN] }))).resolves.toMatchObject({ result: "warned" });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("the warning's words", () => {
  it("names each restricted recipient and stays within Smart Alerts' 500 characters", () => {
    const many = Array.from({ length: 12 }, (_, i) => recipient(customer({ id: String(i), name: `Customer number ${i} with a long name`, caseRef: `UPC-${1000 + i}`, spocUpn: "kim.officer@upc.test", spocName: "Kim Officer" }), []));
    const text = warningText(reasonsFor(many, "sam.officer@upc.test", AT));
    expect(text.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
    expect(text.startsWith("This mail goes to a customer under UPC restrictions.")).toBe(true);
    expect(text).toContain("Send anyway only if the policy allows it");
  });

  it("says nothing for a customer the sender may write to", () => {
    expect(reasonsFor([FRANK], "kim.officer@upc.test", AT)).toEqual([]);
  });
});

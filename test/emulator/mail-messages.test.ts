// The emulator's mail over real HTTP: folders, delivery with inbox rules, categories, access, sendMail, $filter and paging.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { appToken, userToken } from "../support/tokens";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let emu: Emulator;
const app = appToken();
const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const COMPLAINTS = "complaints@upc.test";

async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Json };
}

/** Incoming mail through the emulator's in-process control (the HTTP control route is tested in mail-delivery). */
async function deliver(input: Parameters<Emulator["mail"]["deliverNow"]>[0]) {
  return emu.mail.deliverNow(input);
}

const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dataDir: null });
});

afterAll(async () => {
  await emu.close();
  emu.mail.shutdown();
});

describe("mail folders", () => {
  // https://learn.microsoft.com/graph/api/user-list-mailfolders and https://learn.microsoft.com/graph/api/resources/mailfolder (well-known folder names)
  it("lists the well-known folders and resolves them by name and by id", async () => {
    const list = await call("GET", `/users/${SAM}/mailFolders`, app);
    expect(list.status).toBe(200);
    const names = list.body.value.map((f: Json) => f.displayName);
    expect(names).toEqual(expect.arrayContaining(["Inbox", "Sent Items", "Drafts"]));
    const inbox = list.body.value.find((f: Json) => f.displayName === "Inbox");
    const byName = await call("GET", `/users/${SAM}/mailFolders/inbox`, app);
    expect(byName.body.id).toBe(inbox.id);
    const byKey = await call("GET", `/users/${SAM}/mailFolders('Inbox')`, app);
    expect(byKey.body.id).toBe(inbox.id);
    const byId = await call("GET", `/users/${SAM}/mailFolders/${inbox.id}`, app);
    expect(byId.body.displayName).toBe("Inbox");
    expect((await call("GET", `/users/${SAM}/mailFolders/sentitems`, app)).body.displayName).toBe("Sent Items");
    expect((await call("GET", `/users/${SAM}/mailFolders/drafts`, app)).body.displayName).toBe("Drafts");
  });

  // https://learn.microsoft.com/graph/api/user-post-mailfolders
  it("creates a folder and refuses a duplicate name with 409", async () => {
    const created = await call("POST", `/users/${SAM}/mailFolders`, app, { displayName: "Flagged senders" });
    expect(created.status).toBe(201);
    const again = await call("POST", `/users/${SAM}/mailFolders`, app, { displayName: "flagged SENDERS" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ErrorFolderExists");
  });
});

describe("delivery and inbox rules", () => {
  // https://learn.microsoft.com/graph/api/mailfolder-post-messagerules, https://learn.microsoft.com/graph/api/resources/messagerulepredicates
  it("runs enabled rules in sequence order at delivery: fromAddresses with an apostrophe and senderContains a domain", async () => {
    const rules = `/users/${COMPLAINTS}/mailFolders/inbox/messageRules`;
    const r1 = await call("POST", rules, app, {
      displayName: "UPC restricted",
      sequence: 1,
      isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { name: "Pat O'Brien", address: "O'Brien@Example.org" } }] },
      actions: { assignCategories: ["UPC Restricted"], stopProcessingRules: true },
    });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ displayName: "UPC restricted", sequence: 1, isEnabled: true, actions: { assignCategories: ["UPC Restricted"], stopProcessingRules: true } });
    const r2 = await call("POST", rules, app, {
      displayName: "UPC monitoring (domain)",
      sequence: 2,
      isEnabled: true,
      conditions: { senderContains: ["@noisy.example"] },
      actions: { assignCategories: ["UPC Monitoring"], markAsRead: false },
    });
    expect(r2.status).toBe(201);
    const disabled = await call("POST", rules, app, {
      displayName: "disabled",
      sequence: 3,
      isEnabled: false,
      conditions: { senderContains: ["example"] },
      actions: { assignCategories: ["Never"] },
    });
    expect(disabled.status).toBe(201);

    const listed = await call("GET", rules, app);
    expect(listed.body.value.map((r: Json) => r.sequence)).toEqual([1, 2, 3]);

    // The apostrophe address, in a different case, gets only the first rule's category: stopProcessingRules ends it.
    const a = await deliver({ to: [COMPLAINTS], from: { name: "Pat", address: "o'brien@example.org" }, subject: "Complaint", body: "Again." });
    const b = await deliver({ to: [COMPLAINTS], from: { name: "Someone", address: "someone@noisy.example" }, subject: "Hello", body: "Hi" });
    const c = await deliver({ to: [COMPLAINTS], from: { name: "Clean", address: "clean@elsewhere.example" }, subject: "Fine", body: "Ok" });
    const get = (id: string) => call("GET", `/users/${COMPLAINTS}/messages/${id}?$select=categories,isRead,from`, app);
    expect((await get(a.ids[0])).body.categories).toEqual(["UPC Restricted"]);
    expect((await get(b.ids[0])).body.categories).toEqual(["UPC Monitoring"]);
    expect((await get(c.ids[0])).body.categories).toEqual([]);
  });

  // https://learn.microsoft.com/graph/api/resources/messagerule (PATCH and DELETE of a rule)
  it("updates and deletes a rule", async () => {
    const rules = `/users/${KIM}/mailFolders/inbox/messageRules`;
    const r = await call("POST", rules, app, { displayName: "r", sequence: 1, isEnabled: true, conditions: { senderContains: ["x"] }, actions: { assignCategories: ["A"] } });
    const patched = await call("PATCH", `${rules}/${r.body.id}`, app, { isEnabled: false });
    expect(patched.status).toBe(200);
    expect(patched.body.isEnabled).toBe(false);
    expect((await call("DELETE", `${rules}/${r.body.id}`, app)).status).toBe(204);
    expect((await call("GET", `${rules}/${r.body.id}`, app)).status).toBe(404);
  });

  // https://learn.microsoft.com/graph/api/mailfolder-post-messages: "create a draft of a new message in the specified
  // folder", the inbox too: no transport, no inbox rules (GRAPH-FIDELITY.md MAIL-post-inbox).
  it("creates a draft with POST to the inbox's messages: no rules run, an internetMessageId is given", async () => {
    await call("POST", `/users/${KIM}/mailFolders/inbox/messageRules`, app, {
      displayName: "domain",
      sequence: 1,
      isEnabled: true,
      conditions: { senderContains: ["persistent.example"] },
      actions: { assignCategories: ["UPC Monitoring"] },
    });
    const inbox = await call("GET", `/users/${KIM}/mailFolders/inbox`, app);
    const posted = await call("POST", `/users/${KIM}/mailFolders/${inbox.body.id}/messages`, app, {
      subject: "Posted",
      body: { contentType: "Text", content: "Body text" },
      from: { emailAddress: { name: "P", address: "p@persistent.example" } },
      toRecipients: [{ emailAddress: { address: KIM } }],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.categories).toEqual([]);
    expect(posted.body.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(posted.body.parentFolderId).toBe(inbox.body.id);
    expect(posted.body.isDraft).toBe(true);
  });

  // https://learn.microsoft.com/graph/api/user-post-messages: POST /users/{id}/messages creates a draft
  it("creates a draft with POST /messages, not a delivery", async () => {
    const d = await call("POST", `/users/${KIM}/messages`, app, { subject: "Draft", toRecipients: [{ emailAddress: { address: SAM } }] });
    expect(d.status).toBe(201);
    const drafts = await call("GET", `/users/${KIM}/mailFolders/drafts`, app);
    expect(d.body.parentFolderId).toBe(drafts.body.id);
    expect(d.body.isDraft).toBe(true);
  });
});

describe("master categories", () => {
  // https://learn.microsoft.com/graph/api/outlookuser-post-mastercategories, https://learn.microsoft.com/graph/api/resources/outlookcategory
  it("creates categories with preset colours and refuses a duplicate displayName with 409", async () => {
    const path = `/users/${SAM}/outlook/masterCategories`;
    const created = await call("POST", path, app, { displayName: "UPC Restricted", color: "preset0" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: "UPC Restricted", color: "preset0" });
    const dup = await call("POST", path, app, { displayName: "UPC Restricted", color: "preset4" });
    expect(dup.status).toBe(409);
    const badColour = await call("POST", path, app, { displayName: "Other", color: "purple" });
    expect(badColour.status).toBe(400);
    const list = await call("GET", path, app);
    expect(list.body.value.filter((c: Json) => c.displayName === "UPC Restricted")).toHaveLength(1);
    expect((await call("DELETE", `${path}/${created.body.id}`, app)).status).toBe(204);
    expect((await call("GET", path, app)).body.value.some((c: Json) => c.displayName === "UPC Restricted")).toBe(false);
  });

  // https://learn.microsoft.com/graph/permissions-reference#mailboxsettingsreadwrite (categories and rules need MailboxSettings)
  it("requires MailboxSettings.ReadWrite of the app", async () => {
    const mailOnly = appToken(["Mail.ReadWrite"]);
    expect((await call("POST", `/users/${SAM}/outlook/masterCategories`, mailOnly, { displayName: "X" })).status).toBe(403);
    expect((await call("GET", `/users/${SAM}/mailFolders/inbox/messageRules`, mailOnly)).status).toBe(403);
  });
});

describe("access to mailboxes", () => {
  // https://learn.microsoft.com/graph/api/user-list-messages (delegated callers reach their own mailbox; apps with application permissions reach any)
  it("lets a user read only their own mailbox, and the app any mailbox it has Mail permissions for", async () => {
    await deliver({ to: [KIM], from: { address: "a@example.org" }, subject: "For Kim", body: "x" });
    const own = await call("GET", `/me/messages`, userToken(KIM));
    expect(own.status).toBe(200);
    expect(own.body.value.length).toBeGreaterThan(0);
    const byUpn = await call("GET", `/users/${KIM}/messages`, userToken(KIM));
    expect(byUpn.status).toBe(200);
    const other = await call("GET", `/users/${KIM}/messages`, userToken(SAM));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("ErrorAccessDenied");
    expect((await call("GET", `/users/${KIM}/messages`, app)).status).toBe(200);
    expect((await call("GET", `/users/${KIM}/messages`, appToken(["Sites.FullControl.All"]))).status).toBe(403);
    expect((await call("GET", `/me/messages`, app)).status).toBe(400);
    const unknown = await call("GET", `/users/nobody@upc.test/messages`, app);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("ErrorInvalidUser");
  });
});

describe("sendMail", () => {
  // https://learn.microsoft.com/graph/api/user-sendmail
  it("answers 202 and lands in each recipient's inbox and the sender's Sent Items with one internetMessageId", async () => {
    const sent = await call("POST", `/users/${SAM}/sendMail`, userToken(SAM), {
      message: {
        subject: "Breach notice",
        body: { contentType: "Text", content: "Please review." },
        toRecipients: [{ emailAddress: { address: KIM } }],
        ccRecipients: [{ emailAddress: { address: "mo.manager@upc.test" } }, { emailAddress: { address: "outside@example.org" } }],
      },
      saveToSentItems: true,
    });
    expect(sent.status).toBe(202);
    const filter = q("subject eq 'Breach notice'");
    const kim = await call("GET", `/users/${KIM}/mailFolders/inbox/messages?$filter=${filter}`, app);
    const mo = await call("GET", `/users/mo.manager@upc.test/mailFolders/inbox/messages?$filter=${filter}`, app);
    const sentItems = await call("GET", `/users/${SAM}/mailFolders/sentitems/messages?$filter=${filter}`, app);
    expect(kim.body.value).toHaveLength(1);
    expect(mo.body.value).toHaveLength(1);
    expect(sentItems.body.value).toHaveLength(1);
    const id = kim.body.value[0].internetMessageId;
    expect(mo.body.value[0].internetMessageId).toBe(id);
    expect(sentItems.body.value[0].internetMessageId).toBe(id);
    expect(kim.body.value[0].from.emailAddress.address).toBe(SAM);
    expect(sentItems.body.value[0].isRead).toBe(true);
    expect(kim.body.value[0].isRead).toBe(false);
  });

  // https://learn.microsoft.com/graph/permissions-reference#mailsend
  it("needs Mail.Send for the app", async () => {
    const r = await call("POST", `/users/${SAM}/sendMail`, appToken(["Mail.ReadWrite"]), { message: { subject: "x", toRecipients: [{ emailAddress: { address: KIM } }] } });
    expect(r.status).toBe(403);
  });
});

describe("$filter, $orderby, $top, $select and paging", () => {
  // https://learn.microsoft.com/graph/api/user-list-messages, https://learn.microsoft.com/graph/filter-query-parameter
  it("finds a message by internetMessageId with its angle brackets, in every mailbox it reached", async () => {
    const imid = "<abc.123'x@mail.example>";
    const d = await deliver({ to: [SAM, KIM], from: { address: "sender@mail.example" }, subject: "Same mail", body: "b", internetMessageId: imid });
    expect(d.internetMessageId).toBe(imid);
    // A quote inside the value is doubled, as OData requires.
    const filter = q(`internetMessageId eq '${imid.replace(/'/g, "''")}'`);
    const sam = await call("GET", `/users/${SAM}/messages?$filter=${filter}&$select=internetMessageId,subject`, app);
    expect(sam.status).toBe(200);
    expect(sam.body.value).toHaveLength(1);
    expect(sam.body.value[0]).toEqual({ "@odata.etag": expect.any(String), id: d.ids[0], internetMessageId: imid, subject: "Same mail" });
    const kim = await call("GET", `/users/${KIM}/mailFolders/inbox/messages?$filter=${filter}`, app);
    expect(kim.body.value[0].id).toBe(d.ids[1]);
  });

  it("filters by sender address, received time, categories/any, isRead with and/or", async () => {
    const base = Date.parse("2031-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++) {
      await deliver({
        to: ["dee.decider@upc.test"],
        from: { address: i === 2 ? "other@f.example" : "who@f.example" },
        subject: `F${i}`,
        body: "x",
        receivedDateTime: new Date(base + i * 3600_000).toISOString(),
        categories: i === 1 ? ["UPC Restricted"] : [],
      });
    }
    const path = `/users/dee.decider@upc.test/messages`;
    const subjects = async (filter: string, extra = "") =>
      (await call("GET", `${path}?$filter=${q(filter)}${extra}`, app)).body.value.map((m: Json) => m.subject).sort();
    expect(await subjects("from/emailAddress/address eq 'WHO@f.example'")).toEqual(["F0", "F1"]);
    expect(await subjects("receivedDateTime ge 2031-01-01T01:00:00Z and receivedDateTime lt 2031-01-01T02:30:00Z")).toEqual(["F1", "F2"]);
    expect(await subjects("categories/any(c:c eq 'UPC Restricted')")).toEqual(["F1"]);
    expect(await subjects("isRead eq false and (subject eq 'F0' or subject eq 'F2')")).toEqual(["F0", "F2"]);
    const unknownProp = await call("GET", `${path}?$filter=${q("nope eq 1")}`, app);
    expect(unknownProp.status).toBe(400);
  });

  it("orders, pages with @odata.nextLink at 10 by default, and applies Exchange's filter-with-orderby rule", async () => {
    const who = "dan.decider@upc.test";
    for (let i = 0; i < 12; i++) {
      await deliver({ to: [who], from: { address: "p@page.example" }, subject: `P${String(i).padStart(2, "0")}`, body: "x", receivedDateTime: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString() });
    }
    const first = await call("GET", `/users/${who}/mailFolders/inbox/messages?$select=subject`, app);
    expect(first.body.value).toHaveLength(10);
    expect(first.body.value[0].subject).toBe("P11");
    expect(first.body["@odata.nextLink"]).toContain("$skip=10");
    const second = await call("GET", first.body["@odata.nextLink"], app);
    expect(second.body.value.map((m: Json) => m.subject)).toEqual(["P01", "P00"]);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
    const asc = await call("GET", `/users/${who}/messages?$orderby=receivedDateTime asc&$top=3&$select=subject`, app);
    expect(asc.body.value.map((m: Json) => m.subject)).toEqual(["P00", "P01", "P02"]);
    const ok = await call("GET", `/users/${who}/messages?$filter=${q("receivedDateTime ge 2030-01-01T00:05:00Z and subject ne 'x'")}&$orderby=receivedDateTime desc&$top=2&$select=subject`, app);
    expect(ok.body.value.map((m: Json) => m.subject)).toEqual(["P11", "P10"]);
    const bad = await call("GET", `/users/${who}/messages?$filter=${q("subject ne 'x'")}&$orderby=receivedDateTime desc`, app);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("InefficientFilter");
    const badSelect = await call("GET", `/users/${who}/messages?$select=nope`, app);
    expect(badSelect.status).toBe(400);
  });
});

describe("updating and deleting messages", () => {
  // https://learn.microsoft.com/graph/api/message-update, https://learn.microsoft.com/graph/api/message-delete
  it("PATCHes categories, flag and isRead (changing the changeKey) and deletes", async () => {
    const d = await deliver({ to: [SAM], from: { address: "u@example.org" }, subject: "Update me", body: { contentType: "html", content: "<p>Hi <b>there</b></p>" } });
    const path = `/users/${SAM}/messages/${d.ids[0]}`;
    const before = await call("GET", path, app);
    expect(before.body.body.contentType).toBe("html");
    expect(before.body.bodyPreview).toBe("Hi there");
    const text = await call("GET", path, app, undefined, { Prefer: 'outlook.body-content-type="text"' });
    expect(text.body.body).toEqual({ contentType: "text", content: "Hi there" });
    const patched = await call("PATCH", path, app, { categories: ["UPC Monitoring"], flag: { flagStatus: "flagged" }, isRead: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ categories: ["UPC Monitoring"], flag: { flagStatus: "flagged" }, isRead: true });
    expect(patched.body.changeKey).not.toBe(before.body.changeKey);
    const subjectOfReceived = await call("PATCH", path, app, { subject: "changed" });
    expect(subjectOfReceived.status).toBe(400);
    const unknown = await call("PATCH", path, app, { colour: "red" });
    expect(unknown.status).toBe(400);
    expect((await call("PATCH", path, userToken(KIM), { isRead: false })).status).toBe(403);
    expect((await call("DELETE", path, app)).status).toBe(204);
    const gone = await call("GET", path, app);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("ErrorItemNotFound");
  });

  it("the in-process control sees the same messages", async () => {
    const ids = await emu.mail.deliver({ to: ["rory.reviewer@upc.test"], from: { address: "c@example.org" }, subject: "Control", body: "x" });
    const all = emu.mail.messages("rory.reviewer@upc.test");
    expect(all.map((m) => m.id)).toContain(ids[0]);
  });
});

// Sending a draft over real HTTP (message: send): delivery to every recipient, the move to Sent Items, ids and access.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const MO = "mo.manager@upc.test";
const DEE = "dee.decider@upc.test";
const sam = () => t.as(SAM);
const app = () => t.app();
const q = (s: string) => encodeURIComponent(s);
const byImid = (imid: string) => `$filter=${q(`internetMessageId eq '${imid.replace(/'/g, "''")}'`)}`;

/** A notification endpoint that echoes validation tokens and keeps every change notification it receives. */
let receiver: { url: string; received: Json[]; close(): Promise<void> };

beforeAll(async () => {
  const received: Json[] = [];
  const server = http.createServer((req, res) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("validationToken");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (token !== null) return void res.writeHead(200, { "Content-Type": "text/plain" }).end(token);
      received.push(...JSON.parse(Buffer.concat(chunks).toString("utf8")).value);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
});

afterAll(async () => {
  await receiver.close();
});

async function draft(upn: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Json> {
  const res = await t.as(upn).post("/me/messages", body, headers);
  expect(res.status).toBe(201);
  expect(res.body.isDraft).toBe(true);
  return res.body;
}

async function folderId(upn: string, name: string): Promise<string> {
  return (await app().get(`/users/${upn}/mailFolders/${name}`)).body.id;
}

async function findAll(upn: string, imid: string): Promise<Json[]> {
  const res = await app().get(`/users/${upn}/messages?${byImid(imid)}`);
  expect(res.status).toBe(200);
  return res.body.value;
}

describe("creating a draft with an internetMessageId", () => {
  // https://learn.microsoft.com/en-us/graph/api/resources/message (internetMessageId: "Updatable only if isDraft is true")
  // and https://learn.microsoft.com/en-us/graph/api/user-post-messages: the value given at creation is kept.
  it("keeps the internetMessageId given in POST /users/{u}/messages and finds the draft by it in Drafts", async () => {
    const imid = "<upc-keep-1@upc.test>";
    const created = await app().post(`/users/${SAM}/messages`, { subject: "Keep my id", internetMessageId: imid, toRecipients: [{ emailAddress: { address: KIM } }] });
    expect(created.status).toBe(201);
    expect(created.body.internetMessageId).toBe(imid);
    // https://learn.microsoft.com/en-us/graph/api/user-list-messages: /messages spans every folder, Drafts included.
    const found = await findAll(SAM, imid);
    expect(found.map((m: Json) => [m.id, m.parentFolderId, m.isDraft])).toEqual([[created.body.id, await folderId(SAM, "drafts"), true]]);
  });
});

describe("message: send (https://learn.microsoft.com/en-us/graph/api/message-send)", () => {
  // "If successful, this method returns 202 Accepted response code. It doesn't return anything in the response body."
  // "This method saves the message in the Sent Items folder." Recipients get what sendMail would deliver.
  it("answers 202 without a body, delivers one copy to each directory recipient (To, Cc, Bcc) and files the draft in Sent Items", async () => {
    const imid = "<upc-send-1@upc.test>";
    const d = await draft(SAM, {
      subject: "Referral decision",
      body: { contentType: "Text", content: "Please see the decision." },
      internetMessageId: imid,
      toRecipients: [{ emailAddress: { address: KIM } }],
      ccRecipients: [{ emailAddress: { address: MO } }, { emailAddress: { address: "outside@example.org" } }],
      bccRecipients: [{ emailAddress: { address: DEE } }, { emailAddress: { address: KIM } }],
    });
    expect(d.internetMessageId).toBe(imid);

    const sent = await sam().post(`/me/messages/${d.id}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body).toBeUndefined();

    const mine = await findAll(SAM, imid);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ parentFolderId: await folderId(SAM, "sentitems"), isDraft: false, isRead: true, subject: "Referral decision" });
    expect(mine[0].bccRecipients.map((r: Json) => r.emailAddress.address)).toEqual([DEE, KIM]);
    expect((await app().get(`/users/${SAM}/mailFolders/drafts/messages?${byImid(imid)}`)).body.value).toEqual([]);
    // Without immutable ids an item's id changes when it moves (https://learn.microsoft.com/en-us/graph/outlook-immutable-id).
    expect(mine[0].id).not.toBe(d.id);
    expect((await sam().get(`/me/messages/${d.id}`)).status).toBe(404);

    for (const upn of [KIM, MO, DEE]) {
      const copies = await findAll(upn, imid);
      expect(copies, upn).toHaveLength(1);
      expect(copies[0], upn).toMatchObject({ parentFolderId: await folderId(upn, "inbox"), isDraft: false, isRead: false, bccRecipients: [] });
      expect(copies[0].from.emailAddress.address, upn).toBe(SAM);
    }
  });

  // Recipients' copies are deliveries: inbox rules run (https://learn.microsoft.com/en-us/graph/api/mailfolder-post-messagerules)
  // and change notifications fire (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks).
  it("runs the recipient's inbox rules and notifies the recipient's subscription", async () => {
    const rule = await app().post(`/users/${MO}/mailFolders/inbox/messageRules`, {
      displayName: "Decisions",
      sequence: 1,
      isEnabled: true,
      conditions: { subjectContains: ["Decision letter"] },
      actions: { assignCategories: ["UPC Decision"] },
    });
    expect(rule.status).toBe(201);
    const sub = await app().post("/subscriptions", {
      changeType: "created",
      notificationUrl: receiver.url,
      resource: `users/${MO}/mailFolders('inbox')/messages`,
      expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
      clientState: "send-test",
    });
    expect(sub.status).toBe(201);

    const imid = "<upc-send-rules@upc.test>";
    const d = await draft(SAM, { subject: "Decision letter 7", internetMessageId: imid, toRecipients: [{ emailAddress: { address: MO } }] });
    expect((await sam().post(`/me/messages/${d.id}/send`)).status).toBe(202);

    const [copy] = await findAll(MO, imid);
    expect(copy.categories).toEqual(["UPC Decision"]);
    await t.emu.mail.notificationsIdle();
    const forCopy = receiver.received.filter((n) => n.resourceData.id === copy.id);
    expect(forCopy).toEqual([expect.objectContaining({ subscriptionId: sub.body.id, changeType: "created", clientState: "send-test" })]);
  });

  // A sent draft's id no longer names a draft: the second send is ErrorItemNotFound and nobody gets a second copy.
  it("fails a second send of the same id with 404 ErrorItemNotFound and delivers only once", async () => {
    const imid = "<upc-send-twice@upc.test>";
    const d = await draft(SAM, { subject: "Only once", internetMessageId: imid, toRecipients: [{ emailAddress: { address: KIM } }] });
    expect((await app().post(`/users/${SAM}/messages/${d.id}/send`)).status).toBe(202);
    const again = await app().post(`/users/${SAM}/messages/${d.id}/send`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("ErrorItemNotFound");
    expect(await findAll(KIM, imid)).toHaveLength(1);
    expect(await findAll(SAM, imid)).toHaveLength(1);
  });

  // https://learn.microsoft.com/en-us/graph/outlook-immutable-id ("Immutable ID with sending mail"): a draft created
  // with Prefer: IdType="ImmutableId" is found in Sent Items by the same id after it is sent.
  it("keeps the draft's id in Sent Items when the draft was created with Prefer: IdType=\"ImmutableId\"", async () => {
    const imid = "<upc-send-immutable@upc.test>";
    const d = await draft(SAM, { subject: "Immutable", internetMessageId: imid, toRecipients: [{ emailAddress: { address: KIM } }] }, { Prefer: 'IdType="ImmutableId"' });
    expect((await sam().post(`/me/messages/${d.id}/send`)).status).toBe(202);
    // The header "only applies to the request it is included with" (outlook-immutable-id), so the read sends it too.
    const after = await sam().get(`/me/messages/${d.id}`, { Prefer: 'IdType="ImmutableId"' });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ id: d.id, isDraft: false, internetMessageId: imid, parentFolderId: await folderId(SAM, "sentitems") });
    // Without the header the same message shows its regular id, which changed when it moved to Sent Items.
    expect((await sam().get(`/me/messages/${d.id}`)).body.id).not.toBe(d.id);
    // The id now names a sent message, which is not sent again.
    expect((await sam().post(`/me/messages/${d.id}/send`)).status).toBe(404);
    expect(await findAll(KIM, imid)).toHaveLength(1);
  });

  // Our reading of one public observation of the real service (https://github.com/rlrghb/olkcli/issues/118, item 3):
  // sending a received message's id answered "The specified object was not found in the store".
  it("refuses a message that is not a draft with 404 ErrorItemNotFound, and an unknown id the same way", async () => {
    const received = t.emu.mail.deliverNow({ to: [SAM], from: { address: "customer@example.org" }, subject: "Received", body: "x" });
    const notDraft = await sam().post(`/me/messages/${received.ids[0]}/send`);
    expect(notDraft.status).toBe(404);
    expect(notDraft.body.error).toMatchObject({ code: "ErrorItemNotFound", message: "The specified object was not found in the store." });
    expect((await sam().get(`/me/messages/${received.ids[0]}`)).body.parentFolderId).toBe(await folderId(SAM, "inbox"));
    expect((await sam().post("/me/messages/AAMkAGnope/send")).status).toBe(404);
  });

  // https://learn.microsoft.com/en-us/graph/api/user-sendmail shares the rule: at least one recipient.
  it("refuses a draft without recipients with 400 ErrorInvalidRecipients and leaves it a draft", async () => {
    const d = await draft(SAM, { subject: "Nobody" });
    const res = await sam().post(`/me/messages/${d.id}/send`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("ErrorInvalidRecipients");
    expect((await sam().get(`/me/messages/${d.id}`)).body.isDraft).toBe(true);
  });

  // The documented paths (/me and /users/{id | userPrincipalName}), the mail folder form, and the namespace-qualified
  // action name; permissions table: Mail.Send for delegated and application callers.
  it("answers on every path form and needs Mail.Send of an app and the mailbox's own user", async () => {
    const to = { toRecipients: [{ emailAddress: { address: KIM } }] };
    const samId = (await app().get(`/users/${SAM}`)).body.id;
    const d1 = await draft(SAM, { subject: "by id", ...to });
    expect((await app().post(`/users/${samId}/messages/${d1.id}/microsoft.graph.send`)).status).toBe(202);

    const d2 = await draft(SAM, { subject: "by folder", ...to });
    expect((await sam().post(`/me/mailFolders/inbox/messages/${d2.id}/send`)).status).toBe(404);
    expect((await sam().post(`/me/mailFolders/nosuchfolder/messages/${d2.id}/send`)).status).toBe(404);
    expect((await sam().post(`/me/mailFolders('Drafts')/messages/${d2.id}/send`)).status).toBe(202);

    const d3 = await draft(SAM, { subject: "denied", ...to });
    const noSend = await t.app(["Mail.ReadWrite"]).post(`/users/${SAM}/messages/${d3.id}/send`);
    expect(noSend.status).toBe(403);
    expect(noSend.body.error.code).toBe("ErrorAccessDenied");
    expect((await t.as(KIM).post(`/users/${SAM}/messages/${d3.id}/send`)).status).toBe(403);
    expect((await t.app(["Mail.Send"]).post(`/users/${SAM}/messages/${d3.id}/send`)).status).toBe(202);
    expect((await sam().get(`/me/mailFolders/drafts/messages?$filter=${q("subject eq 'denied'")}`)).body.value).toEqual([]);
  });
});

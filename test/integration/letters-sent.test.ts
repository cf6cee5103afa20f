// Letters and staff notices recorded through the case service are sent for real (issue: "Create staff notice draft and
// record it" recorded a notice as sent while the officers named got nothing): over HTTP, a staff notice reaches the
// inbox of each person it names, once, however often the step is sent; a letter by post is recorded with its day.
import { getPreset } from "../../shared/presets/registry";
import { londonDateKey } from "../../shared/time/calendar";
import { userToken } from "../support/tokens";
import { startCaseService, startProduct, type Product } from "../support/product";
import type { RunningService } from "../../service/server";

let p: Product;
let api: RunningService;
beforeAll(async () => {
  p = await startProduct();
  api = await startCaseService(p);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await p?.close();
});

const SAM = "sam.officer@upc.test";
const MO = "mo.manager@upc.test";
const DEE = "dee.decider@upc.test";
const cumbria = getPreset("cumbria-fire-2023")!;

async function call(upn: string, path: string, event: unknown, idempotencyKey: string) {
  const res = await fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${userToken(upn)}`, "Content-Type": "application/json" },
    body: JSON.stringify({ event, idempotencyKey }),
  });
  return { status: res.status, body: (await res.json()) as { reason?: string; customerId?: string; caseFile?: { lettersOwed: string[] } } };
}

type Mail = { subject: string; toRecipients: { emailAddress: { address: string } }[] };
const inbox = async (upn: string) => (await p.app.get<{ value: Mail[] }>(`/users/${upn}/mailFolders/inbox/messages?$top=100`)).value;
const sentItems = async () => (await p.app.get<{ value: Mail[] }>("/users/complaints@upc.test/mailFolders/sentitems/messages?$top=100")).value;

it("e-mails a staff notice to each person it names, once, and records a posted letter with the day it was posted", { timeout: 60_000 }, async () => {
  const opened = await call(SAM, "/api/customers", { type: "Opened", customer: { name: "Lee Post", kind: "Individual", policyId: cumbria.id, serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: "lee.post@example.org" }] }, "letters-open-1");
  expect(opened.status).toBe(200);
  const id = opened.body.customerId!;
  const steps = `/api/customers/${id}/steps`;
  expect((await call(MO, steps, { type: "Warn", level: "Formal", note: "Written warning about call volume." }, "letters-warn-1")).status).toBe(200);
  expect((await call(SAM, steps, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Twenty calls a week to four officers." }, "letters-refer-1")).status).toBe(200);
  const checks = Object.fromEntries(cumbria.preChecks.items.map((c) => [c.id, true]));
  const decided = await call(DEE, steps, { type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: checks, vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] }, "letters-decide-1");
  expect(decided.status).toBe(200);

  // Recorded without saying how it went, or by post with no day or a day to come: refused in words, nothing sent.
  const notice = { type: "LetterSent", kind: "StaffNotice", elements: ["what"], content: { title: "Staff notice: contact arrangements for Lee Post", body: "Letters only from now on.", channel: "Email", to: ["kim.officer@upc.test", "Sam.Officer@upc.test"] } };
  expect(await call(DEE, steps, { ...notice, content: undefined }, "letters-notice-0")).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/^Say how the staff notice went/) } });
  const letter = { type: "LetterSent", kind: "Restriction", elements: cumbria.letters.find((l) => l.kind === "Restriction")!.elements, content: { title: "Your contact with us", body: "Dear Lee Post, …", channel: "Letter" } };
  expect(await call(DEE, steps, letter, "letters-post-0")).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/^Give the day the letter was posted/) } });
  expect(await call(DEE, steps, { ...letter, content: { ...letter.content, postedOn: "2099-01-01" } }, "letters-post-1")).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/a day still to come/) } });

  // Sent twice under one key (a retry after a dropped answer): one step, one mail to each.
  expect((await call(DEE, steps, notice, "letters-notice-1")).status).toBe(200);
  expect((await call(DEE, steps, notice, "letters-notice-1")).status).toBe(200);
  for (const upn of ["kim.officer@upc.test", "sam.officer@upc.test"]) {
    await expect.poll(async () => (await inbox(upn)).filter((m) => m.subject === notice.content.title).length, { timeout: 20_000 }).toBe(1);
  }
  const out = (await sentItems()).filter((m) => m.subject === notice.content.title);
  expect(out).toHaveLength(1);
  expect(out[0].toRecipients.map((r) => r.emailAddress.address).sort()).toEqual(["kim.officer@upc.test", "sam.officer@upc.test"]);

  // A letter e-mailed to the customer leaves the organisation's mailbox as plain text: markup arrives as typed.
  const warning = { type: "LetterSent", kind: "Warning", elements: [], content: { title: "Your contact with us <b>(warning)</b>", body: "Dear Lee,\n\n<script>x</script>", channel: "Email", to: ["lee.post@example.org"] } };
  expect((await call(DEE, steps, warning, "letters-warning-1")).status).toBe(200);
  await expect.poll(async () => (await sentItems()).filter((m) => m.subject === warning.content.title).length, { timeout: 20_000 }).toBe(1);
  const [sent] = (await p.app.get<{ value: { body: { contentType: string; content: string } }[] }>(`/users/complaints@upc.test/mailFolders/sentitems/messages?$filter=${encodeURIComponent(`subject eq '${warning.content.title}'`)}&$select=body`, { Prefer: 'outlook.body-content-type="text"' })).value;
  expect(sent.body.contentType.toLowerCase()).toBe("text");
  expect(sent.body.content).toContain("<script>x</script>");
  // Asked for as HTML (Graph's default), the markup typed is escaped, never run.
  const [html] = (await p.app.get<{ value: { body: { content: string } }[] }>(`/users/complaints@upc.test/mailFolders/sentitems/messages?$filter=${encodeURIComponent(`subject eq '${warning.content.title}'`)}&$select=body`)).value;
  expect(html.body.content).toContain("&lt;script&gt;x&lt;/script&gt;");

  const posted = await call(DEE, steps, { ...letter, content: { ...letter.content, postedOn: londonDateKey(new Date()) } }, "letters-post-2");
  expect(posted.status).toBe(200);
  expect(posted.body.caseFile?.lettersOwed).toEqual([]);
  // A letter by post is never e-mailed.
  expect((await sentItems()).filter((m) => m.subject === "Your contact with us")).toHaveLength(0);
});

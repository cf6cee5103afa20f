// @vitest-environment jsdom
// The decision form in a browser-like DOM: nothing for staff; for the preset's decider, the pre-checks, the warning
// exception, typed restrictions, the review date and a clash with a reasonable adjustment flagged before saving.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { makeQueryClient } from "../../addin/components/query-client";
import type { ReactNode } from "react";
import DecidePanel from "../../addin/teams/decide/DecidePanel";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import type { CasePage } from "../../graph/reports/case-page";
import type { Site } from "../../graph/repos/items";
import { getPreset } from "../../shared/presets/registry";
import { newCaseFile } from "../../shared/workflow";
import { decisionEvent, decisionNeeds, missingFromDecision } from "../../addin/teams/decide/decision";
import type { DraftsSummary } from "../../addin/teams/decide/drafts";

const cumbria = getPreset("cumbria-fire-2023")!;
const NOW = new Date("2026-11-22T12:00:00Z");

function page(adjustments = ""): CasePage {
  const customer = { id: "7", name: "Pat <b>O'Neill</b>", caseRef: "UPC-0007", kind: "Individual" as const, status: "Referred" as const, policyId: cumbria.id, serviceAreas: "", allowedChannels: [], staffGuidance: "", adjustments };
  const file = { ...newCaseFile(cumbria.id, "Referred"), referral: { at: "2026-11-01T00:00:00Z", by: "sam.officer@upc.test", behaviours: [], serviceArea: "", summary: "", evidenceContactIds: [] } };
  return { loaded: { file, customer, seq: 2, history: [], cases: [], restrictions: [], reviews: [], letters: [] }, identities: [], contacts: [], sensitive: null };
}

function withServices(roles: TabServices["me"]["roles"], ui: ReactNode) {
  const services: TabServices = { graph: {} as TabServices["graph"], site: {} as Site, cases: {} as TabServices["cases"], me: { upn: "someone@upc.test", name: "Someone", roles }, now: () => NOW };
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <FluentProvider theme={webLightTheme}>
        <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
      </FluentProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

it("shows a member of staff no decision controls at all", () => {
  const { container } = withServices(["Staff"], <DecidePanel page={page()} preset={cumbria} onDone={() => undefined} onReload={() => undefined} />);
  expect(container.querySelector("form")).toBeNull();
  expect(screen.queryByRole("button", { name: "Record decision" })).toBeNull();
});

it("gives the preset's decider the outcomes, the pre-checks and the warning exception, and refuses in words until answered", () => {
  withServices(["Decider", "Manager", "Staff"], <DecidePanel page={page()} preset={cumbria} onDone={() => undefined} onReload={() => undefined} />);
  const form = screen.getByRole("form", { name: "Record a decision" });
  expect(within(form).getAllByRole("radio")).toHaveLength(2);
  fireEvent.click(within(form).getByRole("radio", { name: /Restrict their contact/ }));
  expect(within(form).getAllByRole("radiogroup")).toHaveLength(1 + cumbria.preChecks.items.length + 1);
  expect(within(form).getByText("No warning has been recorded")).toBeTruthy();
  fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
  const alert = within(form).getByRole("alert");
  // The policy's needs come from the workflow itself (requirements), in its words, all at once.
  expect(alert.textContent).toMatch(/Before deciding, answer each check the policy requires/);
  expect(alert.textContent).toMatch(/vulnerability/);
  expect(alert.textContent).toMatch(/A warning must be recorded before the policy is applied, unless police involvement or legal action/);
  expect(alert.textContent).toMatch(/Give the reasons/);
  expect(alert.textContent).toMatch(/Add at least one restriction/);
});

it("builds a restriction from its typed form, shows the review date, and flags a clash with an adjustment before saving", () => {
  withServices(["Decider"], <DecidePanel page={page("Prefers e-mail because of dyslexia.")} preset={cumbria} onDone={() => undefined} onReload={() => undefined} />);
  const form = screen.getByRole("form", { name: "Record a decision" });
  fireEvent.click(within(form).getByRole("radio", { name: /Restrict their contact/ }));
  fireEvent.change(within(form).getByRole("combobox", { name: "Kind of restriction" }), { target: { value: "SingleChannel" } });
  fireEvent.click(within(form).getByRole("button", { name: "Add restriction" }));
  expect(within(form).getByRole("group", { name: "Restriction 1: One channel only" })).toBeTruthy();
  expect(within(form).getByText("In plain words: Letters only")).toBeTruthy();
  expect(within(form).getByText(/Review due: 22 May 2027 \(6 months, as the policy says\)/)).toBeTruthy();
  expect(within(form).getByText("Letters only conflicts with the recorded adjustment: 'Prefers e-mail because of dyslexia'")).toBeTruthy();
  fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
  expect(within(form).getByRole("alert", { name: /Not yet complete/ }).textContent).toMatch(/clash with a recorded reasonable adjustment/);
});

it("asks for the customer's invitation to comment before an extension where the policy requires it", () => {
  const soton = getPreset("southampton-2018")!;
  const p = page();
  const restricted: CasePage = {
    ...p,
    loaded: {
      ...p.loaded,
      customer: { ...p.loaded.customer, status: "Restricted", policyId: soton.id },
      file: { ...newCaseFile(soton.id, "Restricted"), decisions: [{ outcome: "Restrict", at: "2026-01-10T10:00:00Z", by: "dan.decider@upc.test", participants: ["dan.decider@upc.test"], reasons: "x" }] },
    },
  };
  withServices(["Decider"], <DecidePanel page={restricted} preset={soton} onDone={() => undefined} onReload={() => undefined} />);
  const form = screen.getByRole("form", { name: "Record a decision" });
  fireEvent.click(within(form).getByRole("radio", { name: /^Extend/ }));
  expect(within(form).getByRole("button", { name: "Record that the customer was invited to comment" })).toBeTruthy();
  fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
  expect(within(form).getByRole("alert", { name: /Not yet complete/ }).textContent).toMatch(/invited to comment before restrictions are extended\. Record the invitation first\./);
});

// Issue: beside an open appeal, the decision form came with "Lift" already chosen (the one outcome at that stage).
it("chooses nothing for the decider, even where one outcome is open", () => {
  const p = page();
  const restricted: CasePage = { ...p, loaded: { ...p.loaded, customer: { ...p.loaded.customer, status: "Restricted" }, file: { ...newCaseFile(cumbria.id, "Restricted") } } };
  withServices(["Decider", "Manager", "Reviewer", "Staff"], <DecidePanel page={restricted} preset={cumbria} onDone={() => undefined} onReload={() => undefined} />);
  const form = screen.getByRole("form", { name: "Record a decision" });
  expect(within(form).getAllByRole("radio").length).toBeGreaterThanOrEqual(1);
  expect(within(form).getAllByRole("radio").filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
});

// 004_4a3366f45c554bec.txt §6: "monitored for a period of three months, or less if deemed appropriate" — once "the
// letter has been received". 002_c47487000f646a0a.txt, Review: "the review period will be adjusted given the personal
// circumstances of the customer".
describe("periods the policy lets the decider set", () => {
  const ccm = getPreset("council-ccm-2014")!;
  const soton = getPreset("southampton-2018")!;
  const base = { answers: {}, vulnerability: true, exception: "", exceptionReason: "", reasons: "Daily e-mails to twelve officers.", jointly: "", formsCount: 0, conflictsSeen: false };
  const none: DraftsSummary = { drafts: [], problems: [], conflicts: [], reviewDue: null };

  it("offers council-ccm's decider a shorter monitoring period, which needs a reason and goes with the decision", () => {
    const file = newCaseFile(ccm.id, "Referred");
    const answers = { ...base, answers: Object.fromEntries(ccm.preChecks.items.map((c) => [c.id, "yes" as const])), outcome: "Monitor" as const, shorterMonths: "2", shorterReason: "" };
    expect(missingFromDecision(ccm, file, answers, none)).toContain("Give the reason monitoring is shorter than the policy's period.");
    expect(missingFromDecision(ccm, file, { ...answers, shorterMonths: "3", shorterReason: "x".repeat(5) }, none)).toContain("A shorter monitoring period must be a whole number of months from 1 to 2.");
    const event = decisionEvent(ccm, file, { ...answers, shorterReason: "The application is decided in March." }, none);
    expect(event).toMatchObject({ type: "Decide", outcome: "Monitor", period: { months: 2, reason: "The application is decided in March." } });
    expect(decisionEvent(ccm, file, { ...answers, shorterMonths: "" }, none)).not.toHaveProperty("period");
    // Cumbria's policy has no monitoring, so nothing is offered.
    expect(decisionNeeds(cumbria, newCaseFile(cumbria.id, "Referred"), "Monitor").mayShorten).toBe(false);
  });

  it("says monitoring starts when the customer receives the letter", () => {
    const p = page();
    p.loaded.customer = { ...p.loaded.customer, policyId: ccm.id };
    p.loaded.file = { ...p.loaded.file, presetId: ccm.id };
    withServices(["Decider"], <DecidePanel page={p} preset={ccm} onDone={() => undefined} onReload={() => undefined} />);
    const form = screen.getByRole("form", { name: "Record a decision" });
    fireEvent.click(within(form).getByRole("radio", { name: /Monitor/ }));
    expect(form.textContent).toMatch(/Monitoring lasts 3 months or less under this policy: it starts when the customer receives the monitoring letter\./);
    expect(within(form).getByRole("spinbutton", { name: /A shorter period \(months\)/ })).toBeTruthy();
  });

  it("offers southampton's decider this customer's review period, with a reason, and no one else's", () => {
    const file = newCaseFile(soton.id, "Referred");
    const answers = { ...base, outcome: "Restrict" as const, formsCount: 1, reviewMonths: "4", reviewReason: "Her support worker asked for it." };
    expect(decisionEvent(soton, file, answers, none)).toMatchObject({ reviewPeriod: { months: 4, reason: "Her support worker asked for it." } });
    expect(missingFromDecision(soton, file, { ...answers, reviewReason: "" }, none)).toContain("Give the reason the review period is adjusted for this customer.");
    expect(decisionNeeds(cumbria, newCaseFile(cumbria.id, "Referred"), "Restrict").mayAdjustReview).toBe(false);
  });
});

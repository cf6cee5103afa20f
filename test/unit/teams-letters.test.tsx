// @vitest-environment jsdom
// The letters panel in a browser-like DOM: a letter drafted from the preset's elements and refused until complete,
// "no letter" offered only where the preset allows it and only with a reason, and nothing to write for staff.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { makeQueryClient } from "../../addin/components/query-client";
import type { ReactNode } from "react";
import LettersPanel from "../../addin/teams/letters/LettersPanel";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import type { CasePage } from "../../graph/reports/case-page";
import type { Site } from "../../graph/repos/items";
import type { LetterKind } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import { newCaseFile } from "../../shared/workflow";

const NOW = new Date("2026-11-22T12:00:00Z");

function page(policyId: string, status: "Restricted" | "Closed" | "Monitoring", owed: LetterKind[]): CasePage {
  const customer = { id: "7", name: "Pat <b>O'Neill</b>", caseRef: "UPC-0007", kind: "Individual" as const, status, policyId, serviceAreas: "", allowedChannels: [], staffGuidance: "", adjustments: "" };
  const file = {
    ...newCaseFile(policyId, status),
    lettersOwed: owed,
    reviewDue: "2027-05-22T22:59:59.999Z",
    decisions: [{ outcome: "Restrict" as const, at: "2026-11-22T10:00:00Z", by: "dee.decider@upc.test", participants: ["dee.decider@upc.test"], reasons: "Volume continued after a warning." }],
  };
  const restrictions = status === "Restricted" ? [{ id: "9", title: "Letters only", customerId: "7", kind: "SingleChannel" as const, params: { kind: "SingleChannel" as const, channel: "Letter" as const }, startsAt: "2026-11-22T10:00:00Z", endsAt: null, state: "Active" as const }] : [];
  return { loaded: { file, customer, seq: 4, history: [], cases: [], restrictions, reviews: [], letters: [] }, identities: [{ id: "1", value: "pat@example.org", kind: "Email", customerId: "7", customerStatus: status, customerName: customer.name, caseRef: "UPC-0007" }], contacts: [], sensitive: null };
}

function withServices(roles: TabServices["me"]["roles"], ui: ReactNode) {
  const services: TabServices = { graph: {} as TabServices["graph"], site: {} as Site, cases: {} as TabServices["cases"], me: { upn: "dee.decider@upc.test", name: "Dee Decider", roles }, now: () => NOW };
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <FluentProvider theme={webLightTheme}>
        <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
      </FluentProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

it("drafts the decision letter from the preset's elements and refuses it, in words, once an element is taken out", () => {
  const cumbria = getPreset("cumbria-fire-2023")!;
  withServices(["Decider"], <LettersPanel page={page(cumbria.id, "Restricted", ["Restriction"])} preset={cumbria} onDone={() => undefined} />);
  const region = screen.getByRole("region", { name: "Decision letter (owed)" });
  expect(within(region).getByText("Every element the policy requires is in the letter.")).toBeTruthy();
  const why = within(region).getByRole("textbox", { name: /Why the policy is being applied/ }) as HTMLTextAreaElement;
  expect(why.value).toContain("Volume continued after a warning.");
  fireEvent.change(why, { target: { value: "" } });
  expect(within(region).getByText("Still missing: why the policy is being applied.")).toBeTruthy();
  fireEvent.click(within(region).getByRole("button", { name: "Record letter as posted" }));
  expect(within(region).getByRole("alert", { name: /Not sent/ }).textContent).toMatch(/requires it to include why the policy is being applied/);
  // Cumbria's policy gives no "no letter" route.
  expect(within(region).queryByRole("button", { name: /Do not send this letter/ })).toBeNull();
  // The customer's name is shown as typed, markup and all.
  expect((within(region).getByRole("textbox", { name: "Opening" }) as HTMLTextAreaElement).value).toBe("Dear Pat <b>O'Neill</b>,");
});

it("offers 'no letter' only where the preset allows it, and asks for the reason and who was consulted", () => {
  const soton = getPreset("southampton-2018")!;
  withServices(["Decider"], <LettersPanel page={page(soton.id, "Closed", ["Lifted"])} preset={soton} onDone={() => undefined} />);
  const region = screen.getByRole("region", { name: /letter saying the arrangements have ended \(owed\)/i });
  fireEvent.click(within(region).getByRole("button", { name: "Do not send this letter…" }));
  fireEvent.click(within(region).getByRole("button", { name: "Record that no letter is sent" }));
  expect(within(region).getAllByRole("alert").map((a) => a.textContent).join(" ")).toMatch(/Record why no letter is being sent/);
  // southampton-2018, Review: "The decision will be taken by the CRM in consultation with the Head of Service, Legal Services Partnership".
  expect(within(region).getByRole("combobox", { name: "The Head of Service, Legal Services Partnership (consulted)" })).toBeTruthy();
  expect(region.textContent).toContain("Name who was consulted as the Head of Service, Legal Services Partnership.");
});

it("tells staff which letters are owed without offering to write them", () => {
  const cumbria = getPreset("cumbria-fire-2023")!;
  withServices(["Staff"], <LettersPanel page={page(cumbria.id, "Restricted", ["Restriction", "StaffNotice"])} preset={cumbria} onDone={() => undefined} />);
  expect(screen.getByText(/The decision letter and the staff notice are owed/)).toBeTruthy();
  expect(screen.queryByRole("button")).toBeNull();
});

// 004_4a3366f45c554bec.txt §6: monitoring runs "Once the letter has been received", so a posted monitoring letter asks
// for the day it is taken as received, and the draft says the period starts then.
it("asks for the day a posted monitoring letter is received, where monitoring runs from receipt", () => {
  const ccm = getPreset("council-ccm-2014")!;
  const monitoring = page(ccm.id, "Monitoring", ["Monitoring"]);
  monitoring.loaded.file = { ...monitoring.loaded.file, monitoring: { startsAt: null, endsAt: null, outcome: null, period: { unit: "months", count: 3 }, reason: null } };
  withServices(["Decider"], <LettersPanel page={monitoring} preset={ccm} onDone={() => undefined} />);
  const region = screen.getByRole("region", { name: /monitoring letter \(owed\)/i });
  expect(within(region).getByLabelText(/Date taken as received/)).toBeTruthy();
  const period = within(region).getByRole("textbox", { name: /how long their contact will be monitored/i }) as HTMLTextAreaElement;
  expect(period.value).toBe("Your contact will be monitored for 3 months, starting on the day you receive this letter.");
  // Other letters, and policies that run monitoring from the decision, do not ask.
  cleanup();
  const cumbria = getPreset("cumbria-fire-2023")!;
  withServices(["Decider"], <LettersPanel page={page(cumbria.id, "Restricted", ["Restriction"])} preset={cumbria} onDone={() => undefined} />);
  expect(screen.queryByLabelText(/Date taken as received/)).toBeNull();
});

// @vitest-environment jsdom
// The administrator's Offices view and the pickers naming who took part in a step, in a browser-like DOM: offices under
// their policies in the policy's words, what stands in for an office no one holds, Save through the case service with
// its refusals shown, and a joint decision (council-ccm-2014 s.6, "who will jointly decide") sent with each office named.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { makeQueryClient } from "../../addin/components/query-client";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import DecidePanel from "../../addin/teams/decide/DecidePanel";
import { decidableOutcomes, othersDecide } from "../../addin/teams/decide/options";
import OfficesView from "../../addin/teams/offices/OfficesView";
import type { CaseServiceClient, MeAnswer, SettingsRead } from "../../graph/case-service/client";
import type { CasePage } from "../../graph/reports/case-page";
import type { Site } from "../../graph/repos/items";
import { officesOf } from "../../shared/offices/mapping";
import { PRESETS, getPreset } from "../../shared/presets/registry";
import { DEFAULT_SETTINGS } from "../../shared/settings/organisation";
import { newCaseFile } from "../../shared/workflow";

const council = getPreset("council-ccm-2014")!;
const NOW = new Date("2026-11-22T12:00:00Z");
const BEA = { id: "14", displayName: "Bea Business", mail: "bea.business@upc.test", jobTitle: "Customer & ICT Services Business Manager", businessPhones: [], department: "" };
const ED = { id: "13", displayName: "Ed Director", mail: "ed.director@upc.test", jobTitle: "Executive Director, Resources & Support Services", businessPhones: [], department: "" };

function settings(over: Partial<SettingsRead> = {}): SettingsRead {
  return { offices: officesOf(PRESETS), map: {}, organisation: { ...DEFAULT_SETTINGS }, policy: {}, silent: [], problems: [], etags: { offices: null, organisation: null, policy: null }, ...over };
}

function mount(ui: ReactNode, { roles = ["Admin", "Staff"], cases = {}, people = [BEA, ED] }: { roles?: TabServices["me"]["roles"]; cases?: Partial<CaseServiceClient>; people?: unknown[] } = {}) {
  const graph = { get: async (path: string) => ({ value: people.filter((p) => path.toLowerCase().includes(String((p as { displayName: string }).displayName.split(" ")[0]).toLowerCase())) }) } as unknown as TabServices["graph"];
  const me: MeAnswer = { upn: "someone@upc.test", roles: roles as string[], offices: [], mapped: [], organisation: { ...DEFAULT_SETTINGS } };
  const services: TabServices = { graph, site: {} as Site, cases: { me: async () => me, ...cases } as CaseServiceClient, me: { upn: "someone@upc.test", name: "Someone", roles }, now: () => NOW };
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <FluentProvider theme={webLightTheme}>
        <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
      </FluentProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("the Offices view", () => {
  it("refuses anyone who is not an administrator, without asking for the settings", () => {
    const readSettings = vi.fn();
    mount(<OfficesView />, { roles: ["Decider", "Staff"], cases: { readSettings } });
    expect(screen.getByRole("alert").textContent).toMatch(/Only an administrator \(UPC Admins\) can see or change who holds each office/);
    expect(screen.queryByRole("button", { name: "Save offices" })).toBeNull();
    expect(readSettings).not.toHaveBeenCalled();
  });

  it("lists each office under its policy in the policy's words, and says who stands in until someone is named", async () => {
    mount(<OfficesView />, { cases: { readSettings: async () => settings({ map: { "head-of-service": { people: ["hana.head@upc.test"], groups: [] } } }) } });
    const policy = await screen.findByRole("region", { name: council.title });
    const chief = within(policy).getByRole("region", { name: "the Chief Executive" });
    // council-ccm-2014 s.6: "the Chief Executive may decide to apply one of the following sanctions" (a Decider rule).
    expect(chief.textContent).toContain("No one named yet: until someone is, anyone in UPC Deciders may act as the Chief Executive.");
    expect(chief.textContent).toContain("Takes steps under the policy.");
    expect(within(chief).getByRole("combobox", { name: "People named as the Chief Executive" })).toBeTruthy();
    expect(within(chief).getByRole("textbox", { name: /Groups named as the Chief Executive/ })).toBeTruthy();
    const members = within(policy).getByRole("region", { name: "Elected Members" });
    expect(members.textContent).toContain("Receives notices.");
    const head = within(policy).getByRole("region", { name: "the Head of Service for the department affected" });
    expect(head.textContent).not.toContain("No one named yet");
    expect(within(head).getByRole("option", { name: "Remove hana.head@upc.test" })).toBeTruthy();
    // Every organisation choice is off by default and is not the policy's.
    const own = screen.getByRole("form", { name: "Your organisation's own choices (not in any policy)" });
    for (const box of within(own).getAllByRole("checkbox")) expect((box as HTMLInputElement).checked).toBe(false);
  });

  it("saves the map as read, says Saved. with focus on it, and shows the service's problems and a conflict in words", async () => {
    const saveSetting = vi.fn();
    saveSetting.mockResolvedValueOnce({ ok: false, status: 422, reason: "Nothing was saved.", problems: ["There is no group called \"Elected Memebers\" in the directory."] });
    saveSetting.mockResolvedValueOnce({ ok: true, map: { "elected-members": { people: [], groups: ["Elected Members"] } }, organisation: DEFAULT_SETTINGS, etags: { offices: "\"2\"", organisation: null, policy: null } });
    saveSetting.mockResolvedValueOnce({ ok: false, status: 409, reason: "Someone else changed these settings.", problems: [] });
    mount(<OfficesView />, { cases: { readSettings: async () => settings({ etags: { offices: "\"1\"", organisation: null, policy: null } }), saveSetting: saveSetting as CaseServiceClient["saveSetting"] } });
    const members = await screen.findByRole("region", { name: "Elected Members" });
    fireEvent.change(within(members).getByRole("textbox", { name: /Groups named as Elected Members/ }), { target: { value: "Elected Memebers" } });
    fireEvent.click(screen.getByRole("button", { name: "Save offices" }));
    expect(saveSetting).toHaveBeenLastCalledWith("offices", { "elected-members": { people: [], groups: ["Elected Memebers"] } }, "\"1\"");
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    expect(summary.textContent).toContain("There is no group called \"Elected Memebers\" in the directory.");

    fireEvent.change(within(members).getByRole("textbox", { name: /Groups named as Elected Members/ }), { target: { value: "Elected Members\n" } });
    fireEvent.click(screen.getByRole("button", { name: "Save offices" }));
    const saved = await screen.findByText("Saved.");
    await waitFor(() => expect(document.activeElement).toBe(saved));
    expect(within(members).queryByText(/No one named yet/)).toBeNull();

    // The next save carries the version the last save returned; someone else's save in between is a conflict.
    fireEvent.click(screen.getByRole("button", { name: "Save offices" }));
    expect(saveSetting.mock.calls[2][2]).toBe("\"2\"");
    expect((await screen.findByRole("alert")).textContent).toMatch(/Someone else changed these settings/);
    expect(screen.getByRole("button", { name: "Reload" })).toBeTruthy();
  });

  it("saves the organisation's own choices the same way", async () => {
    const saveSetting = vi.fn().mockResolvedValue({ ok: true, map: {}, organisation: { ...DEFAULT_SETTINGS, lapseAtReview: true }, etags: { offices: null, organisation: "\"5\"" } });
    mount(<OfficesView />, { cases: { readSettings: async () => settings(), saveSetting: saveSetting as CaseServiceClient["saveSetting"] } });
    const own = await screen.findByRole("form", { name: "Your organisation's own choices (not in any policy)" });
    fireEvent.click(within(own).getByRole("checkbox", { name: /Restrictions lapse at their review date/ }));
    fireEvent.click(within(own).getByRole("button", { name: "Save your organisation's choices" }));
    expect(saveSetting).toHaveBeenCalledWith("organisation", { ...DEFAULT_SETTINGS, lapseAtReview: true }, null);
    expect(await within(own).findByText("Saved.")).toBeTruthy();
  });
});

describe("naming who took part (council-ccm-2014 s.6: the Head of Service, the Business Manager and the Executive Director jointly decide)", () => {
  function referred(): CasePage {
    const customer = { id: "9", name: "Neighbours of Elm Row", caseRef: "UPC-0009", kind: "Group" as const, status: "Referred" as const, policyId: council.id, serviceAreas: "", allowedChannels: [], staffGuidance: "", adjustments: "" };
    const file = { ...newCaseFile(council.id, "Referred"), referral: { at: "2026-11-01T00:00:00Z", by: "sam.officer@upc.test", behaviours: [], serviceArea: "", summary: "", evidenceContactIds: [] } };
    return { loaded: { file, customer, seq: 2, history: [], cases: [], restrictions: [], reviews: [], letters: [] }, identities: [], contacts: [], sensitive: null };
  }

  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it("asks for one person for each office deciding jointly, and sends them as participants", async () => {
    const step = vi.fn().mockResolvedValue({ ok: true, customerId: "9", seq: 3, caseFile: referred().loaded.file, customer: referred().loaded.customer, identities: [], effects: [], repeated: false });
    mount(<DecidePanel page={referred()} preset={council} onDone={() => undefined} onReload={() => undefined} />, { roles: ["Decider", "Staff"], cases: { step } });
    const form = screen.getByRole("form", { name: "Record a decision" });
    fireEvent.click(within(form).getByRole("radio", { name: /Monitor their contact/ }));
    expect(form.textContent).toContain("Under this policy the Head of Service for the department affected decides this, jointly with the Customer & ICT Services Business Manager and the Executive Director, Resources & Support Services.");
    expect(within(form).queryByRole("textbox", { name: /Others who decided with you/ })).toBeNull();
    const bea = within(form).getByRole("combobox", { name: "The Customer & ICT Services Business Manager (decides this jointly with you)" });
    const ed = within(form).getByRole("combobox", { name: "The Executive Director, Resources & Support Services (decides this jointly with you)" });
    for (const c of council.preChecks.items) fireEvent.click(within(within(form).getByRole("radiogroup", { name: new RegExp(c.label.slice(0, 20).replace(/[()]/g, ".")) })).getByRole("radio", { name: "Yes" }));
    fireEvent.click(within(form).getByRole("checkbox", { name: /vulnerability/ }));
    fireEvent.change(within(form).getByRole("textbox", { name: /Reasons for the decision/ }), { target: { value: "Daily e-mails to twelve officers." } });
    fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
    expect(within(form).getByRole("alert", { name: /Not yet complete/ }).textContent).toContain("Name who decided this jointly with you as the Customer & ICT Services Business Manager.");
    expect(step).not.toHaveBeenCalled();

    fireEvent.change(bea, { target: { value: "Bea" } });
    await act(() => vi.advanceTimersByTimeAsync(350));
    fireEvent.click(await screen.findByRole("option", { name: /^Bea Business/ }));
    fireEvent.change(ed, { target: { value: "Ed D" } });
    await act(() => vi.advanceTimersByTimeAsync(350));
    fireEvent.click(await screen.findByRole("option", { name: /^Ed Director/ }));
    fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
    await waitFor(() => expect(step).toHaveBeenCalled());
    expect(step.mock.calls[0][1]).toMatchObject({
      type: "Decide",
      outcome: "Monitor",
      participants: [
        { office: "business-manager", upn: "bea.business@upc.test" },
        { office: "executive-director", upn: "ed.director@upc.test" },
      ],
    });
    expect(step.mock.calls[0][1]).not.toHaveProperty("jointly");
  });
});

describe("who may act, by office once mapped", () => {
  const monitoringEnded = { ...newCaseFile(council.id, "Monitoring"), monitoring: { startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-04-01T00:00:00Z", outcome: "Unacceptable" as const } } as ReturnType<typeof newCaseFile>;

  it("follows the roles until the office is mapped, then only its holders; and says who decides in the policy's words", () => {
    const decider = { roles: ["Decider" as const] };
    expect(decidableOutcomes(council, monitoringEnded, { ...decider, offices: [], mapped: [] })).toContain("Restrict");
    // council-ccm-2014 s.6: "the Chief Executive may decide to apply one of the following sanctions".
    const hana = { ...decider, offices: ["head-of-service"], mapped: ["head-of-service", "chief-executive"] };
    expect(decidableOutcomes(council, monitoringEnded, hana)).not.toContain("Restrict");
    expect(othersDecide(council, monitoringEnded, hana)).toContain("Only the Chief Executive may decide to restrict contact under this policy.");
    const cath = { roles: ["Staff" as const], offices: ["chief-executive"], mapped: ["head-of-service", "chief-executive"] };
    expect(decidableOutcomes(council, monitoringEnded, cath)).toContain("Restrict");
  });
});

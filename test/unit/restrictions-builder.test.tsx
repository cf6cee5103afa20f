// @vitest-environment jsdom
// The restriction builder says nothing is wrong before the person has typed: a problem shows once its field is left or
// the form is submitted (jsdom does not submit on a button click, so the tests send the submit event), in words that
// say how to put it right.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RestrictionsBuilder } from "../../addin/teams/decide/RestrictionsBuilder";
import { blankForm, type DraftForm } from "../../addin/teams/decide/drafts";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import { makeQueryClient } from "../../addin/components/query-client";
import type { Site } from "../../graph/repos/items";

const NOW = new Date("2026-11-22T12:00:00Z");

function setup(first: DraftForm["form"]) {
  const services: TabServices = { graph: { get: async () => ({ value: [] }) } as unknown as TabServices["graph"], site: {} as Site, cases: {} as TabServices["cases"], me: { upn: "dee.decider@upc.test", name: "Dee", roles: ["Decider"] }, now: () => NOW };
  function Host() {
    const [forms, setForms] = useState<DraftForm[]>([{ key: 1, form: first, endsOn: "" }]);
    return (
      <form aria-label="Decision" onSubmit={(e) => e.preventDefault()}>
        <RestrictionsBuilder kinds={["NamedOfficer", "CallLength"]} forms={forms} onChange={setForms} now={NOW} idPrefix="t" />
        <button type="submit">Save</button>
      </form>
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={makeQueryClient()}>
        <ServicesContext.Provider value={services}>
          <Host />
        </ServicesContext.Provider>
      </QueryClientProvider>
    </FluentProvider>,
  );
}

afterEach(cleanup);

const MISSING = "Choose the named officer: type part of their name and pick them from the list.";

it("shows no problem before typing, then the missing officer on Save, beside the field and in the card", () => {
  setup(blankForm("NamedOfficer"));
  expect(screen.queryByText(MISSING)).toBeNull();
  expect(screen.queryByText(/Check /)).toBeNull();
  fireEvent.submit(screen.getByRole("form", { name: "Decision" }));
  expect(screen.getAllByText(MISSING)).toHaveLength(2);
});

it("shows a field's problem once the field is left, and only that field's", () => {
  setup({ kind: "NamedOfficer", target: "Inbox", officer: [], name: "", address: "", deputy: [] });
  const address = screen.getByRole("textbox", { name: /Inbox address/ });
  fireEvent.change(address, { target: { value: "customer.relations" } });
  expect(screen.queryByText(/is not an e-mail address/)).toBeNull();
  fireEvent.blur(address);
  expect(screen.getByText("“customer.relations” is not an e-mail address: check it for typing mistakes.")).toBeTruthy();
  // The inbox's name was never visited: nothing is said about it until Save.
  expect(screen.queryByText(/Give the inbox a name/)).toBeNull();
  fireEvent.submit(screen.getByRole("form", { name: "Decision" }));
  expect(screen.getAllByText("Give the inbox a name the customer will recognise, such as “Customer Relations team”.").length).toBeGreaterThan(0);
});

// The one renderer draws every kind from its module's description: the described kind's words box and its label, and
// the quota's forms that count (cumbria-fire-2023 §2.2: a quota may count calls alone).
it("draws a described restriction with its staff-checked label, and the words it will carry", () => {
  setup(blankForm("Described"));
  expect(screen.getByText(/It is checked by staff, not by the system/)).toBeTruthy();
  fireEvent.change(screen.getByRole("textbox", { name: /The restriction, in words/ }), { target: { value: "Meetings only at the Civic Centre reception" } });
  expect(screen.getByText("In plain words: Meetings only at the Civic Centre reception (checked by staff, not by the system)")).toBeTruthy();
});

it("draws a quota's forms as boxes to tick, and counts only the ticked ones", () => {
  setup(blankForm("ContactQuota"));
  expect(screen.getByText("In plain words: At most 2 contacts a week")).toBeTruthy();
  fireEvent.click(within(screen.getByRole("group", { name: "Forms that count" })).getByRole("checkbox", { name: "Phone" }));
  expect(screen.getByText("In plain words: At most 2 contacts a week, by phone")).toBeTruthy();
});

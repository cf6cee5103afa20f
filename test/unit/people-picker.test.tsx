// @vitest-environment jsdom
// The people picker in a browser-like DOM: it asks the directory only after two letters and a pause, shows name, job
// title and e-mail, adds the chosen person as a removable tag, and says in words when the directory cannot be searched.
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { PeoplePicker, type PickedPerson } from "../../addin/teams/common/PeoplePicker";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import { makeQueryClient } from "../../addin/components/query-client";
import { DataError } from "../../graph/client/errors";
import type { Site } from "../../graph/repos/items";

const NIAMH = { id: "11", displayName: "Niamh O'Brien", mail: "niamh.obrien@upc.test", jobTitle: "Customer Liaison Officer", businessPhones: ["020 7946 0011"], department: "Customer Services" };

function setup(get: (path: string, headers?: Record<string, string>) => Promise<unknown>, props: { allowAddress?: boolean; multiple?: boolean } = {}) {
  const calls: { path: string; headers?: Record<string, string> }[] = [];
  const graph = { get: (path: string, headers?: Record<string, string>) => (calls.push({ path, headers }), get(path, headers)) } as unknown as TabServices["graph"];
  const services: TabServices = { graph, site: {} as Site, cases: {} as TabServices["cases"], me: { upn: "dee.decider@upc.test", name: "Dee", roles: ["Decider"] }, now: () => new Date() };
  const seen: PickedPerson[][] = [];
  function Host() {
    const [value, setValue] = useState<PickedPerson[]>([]);
    return (
      <PeoplePicker
        label="Named officer"
        value={value}
        onChange={(v) => {
          seen.push(v);
          setValue(v);
        }}
        {...props}
      />
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
  return { calls, seen };
}

const type = async (text: string) => {
  fireEvent.change(screen.getByRole("combobox", { name: "Named officer" }), { target: { value: text } });
  await act(() => vi.advanceTimersByTimeAsync(350));
};

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it("searches after two letters, offers name, job title and e-mail, and adds the choice as a removable tag", async () => {
  const { calls, seen } = setup(async () => ({ value: [NIAMH, { id: "12", displayName: "No Mail", mail: null }] }));
  await type("O");
  expect(calls).toHaveLength(0);
  expect(screen.getByRole("status").textContent).toBe("Type at least two letters of a name or e-mail address.");
  await type("O'Bri");
  expect(calls).toHaveLength(1);
  expect(calls[0].headers).toEqual({ ConsistencyLevel: "eventual" });
  const option = await screen.findByRole("option", { name: /^Niamh O'Brien/ });
  expect(option.textContent).toContain("Customer Liaison Officer · niamh.obrien@upc.test");
  expect(screen.queryByRole("option", { name: /No Mail/ })).toBeNull();
  fireEvent.click(option);
  expect(seen.at(-1)).toEqual([{ id: "11", name: "Niamh O'Brien", mail: "niamh.obrien@upc.test", jobTitle: "Customer Liaison Officer", department: "Customer Services", phone: "020 7946 0011" }]);
  fireEvent.click(screen.getByRole("option", { name: "Remove Niamh O'Brien" }));
  expect(seen.at(-1)).toEqual([]);
});

it("offers a full address the directory does not hold, where allowed", async () => {
  const { seen } = setup(async () => ({ value: [] }), { allowAddress: true, multiple: true });
  await type("members@upc.test");
  fireEvent.click(await screen.findByRole("option", { name: /Use the address members@upc\.test/ }));
  expect(seen.at(-1)).toEqual([{ name: "members@upc.test", mail: "members@upc.test" }]);
});

it("says in words when the directory cannot be searched, and when nobody matches", async () => {
  setup(async () => {
    throw new DataError("Unavailable", "Microsoft 365 is busy. Nothing was lost: try again in a moment.");
  });
  await type("kim");
  expect(await screen.findByText(/The directory could not be searched\. Microsoft 365 is busy/)).toBeTruthy();
  cleanup();
  setup(async () => ({ value: [] }));
  await type("zz");
  expect(await screen.findByText("Nobody in the directory matches “zz”.")).toBeTruthy();
});

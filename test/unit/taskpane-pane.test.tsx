// @vitest-environment jsdom
// The pane's React components with a fake host and fake data: failure is never "no record", names stay text, roles
// shape the actions, and an item change follows the host.
import { act, cleanup, fireEvent, render as renderBare, screen, waitFor } from "@testing-library/react";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../../graph/client/errors";
import type { BatchRequest, BatchResponse, Graph } from "../../graph/client/factory";
import type { Me } from "../../graph/directory/roles";
import type { SenderQuery, SenderResult } from "../../graph/lookup/sender";
import type { HostTheme, MailHost, ReadItem } from "../../addin/office/types";
import type { SenderLookups } from "../../addin/pane-data/flag";
import type { PaneServices } from "../../addin/pane-data/services";
import { App as BareApp } from "../../addin/taskpane/App";
import LivePane from "../../addin/taskpane/LivePane";
import { makeQueryClient } from "../../addin/components/query-client";

/** The pane as index.tsx mounts it: inside a query client of its own, with the signed-in part from the sign-in chunk. */
const App = (props: { host: MailHost; services: PaneServices | null }) => <BareApp {...props} LivePane={LivePane} />;
const render = (ui: ReactElement) => renderBare(<QueryClientProvider client={makeQueryClient()}>{ui}</QueryClientProvider>);

beforeAll(() => {
  // jsdom lacks these; Fluent and the theme detection ask for them.
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(() => cleanup());

function mail(from: { name: string; address: string }, id = "m1"): ReadItem {
  return { restId: id, internetMessageId: `<${id}@x>`, subject: "Hello", from, sender: null, to: [{ name: "", address: "sam.officer@upc.test" }], cc: [], received: new Date("2026-03-04T09:00:00Z") };
}

function fakeHost(first: ReadItem | null) {
  let current = first;
  const listeners = new Set<() => void>();
  const bars: string[] = [];
  const host: MailHost = {
    kind: "harness",
    userAddress: () => "sam.officer@upc.test",
    currentItem: async () => current,
    onItemChanged: async (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    showInfoBar: async (_k, kind, text) => void bars.push(`${kind}: ${text}`),
    clearInfoBar: async () => void bars.push("cleared"),
    forwardAsAttachment: async () => undefined,
    newMessage: async () => undefined,
    theme: (): HostTheme => "light",
    onThemeChanged: async () => () => undefined,
  };
  return {
    host,
    bars,
    select(item: ReadItem) {
      current = item;
      listeners.forEach((l) => l());
    },
  };
}

const STAFF: Me = { upn: "sam.officer@upc.test", name: "Sam Officer", roles: ["Staff"] };

function fakeServices(lookup: (q: SenderQuery) => Promise<SenderResult>, me: Me | Error = STAFF, card?: (reqs: BatchRequest[]) => BatchResponse[]): PaneServices {
  const graph = { batch: async (reqs: BatchRequest[]) => (card ? card(reqs) : Promise.reject(new DataError("Unavailable"))) } as unknown as Graph;
  const lookups: SenderLookups = { lookup, forget: () => undefined };
  return { graph, site: { graph, siteId: "root" }, cases: {} as PaneServices["cases"], lookups, defaultPolicy: "council-ccm-2014", me: async () => (me instanceof Error ? Promise.reject(me) : me) };
}

const nobody = async (): Promise<SenderResult> => ({ looked: [], matches: [], possible: [] });

describe("the task pane", () => {
  it("says it cannot check the sender when the register fails, never 'no record', and retries", async () => {
    let fail = true;
    const { host, bars } = fakeHost(mail({ name: "Pat", address: "pat@example.ie" }));
    const services = fakeServices(async () => {
      if (fail) throw new DataError("Unavailable", undefined, 503);
      return nobody();
    });
    render(<App host={host} services={services} />);
    // The first render of the pane in jsdom is slow on a loaded machine: give it the card test's margin.
    await screen.findByRole("heading", { name: "Could not check this sender" }, { timeout: 5000 });
    expect(screen.getByRole("alert").textContent).toMatch(/not answering/);
    expect(screen.queryByText(/No record/)).toBeNull();
    expect(bars.at(-1)).toMatch(/^error: UPC could not check this sender/);
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await screen.findByRole("heading", { name: "No record for pat@example.ie" }, { timeout: 5000 });
  });

  it("offers staff a contact log for an unknown sender, and shows non-staff why not", async () => {
    const a = fakeHost(mail({ name: "Alice", address: "alice@example.com" }));
    render(<App host={a.host} services={fakeServices(nobody)} />);
    await screen.findByRole("heading", { name: "No record for alice@example.com" });
    await screen.findByRole("button", { name: "Start a contact log…" });
    cleanup();

    const b = fakeHost(mail({ name: "Alice", address: "alice@example.com" }));
    render(<App host={b.host} services={fakeServices(nobody, { upn: "complaints@upc.test", name: "Complaints", roles: [] })} />);
    await screen.findByText("Only members of UPC Staff can start a contact log.");
    expect(screen.queryByRole("button", { name: "Start a contact log…" })).toBeNull();
  });

  it("shows a flagged name containing markup as text, and the card's failure with its own Retry", async () => {
    const { host, bars } = fakeHost(mail({ name: "Jo", address: "jo.bloggs@example.org" }));
    const flagged = async (): Promise<SenderResult> => ({
      looked: [],
      matches: [{ id: "1", value: "jo.bloggs@example.org", kind: "Email", customerId: "5", customerStatus: "Restricted", customerName: "Jo <script>Bloggs</script>", caseRef: "UPC-0021" }],
      possible: [],
    });
    const { container } = render(<App host={host} services={fakeServices(flagged)} />);
    await screen.findByRole("heading", { name: "Jo <script>Bloggs</script>" });
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByText("Restricted")).toBeTruthy();
    expect(bars).toContain("informational: UPC restricted: Jo <script>Bloggs</script> (UPC-0021). Open the UPC pane before replying.");
    await screen.findByText(/Could not load Jo <script>Bloggs<\/script>'s details\./, undefined, { timeout: 5000 });
  });

  it("follows the selected mail and ignores an answer that arrives after the mail changed", async () => {
    const slow: Record<string, (r: SenderResult) => void> = {};
    const h = fakeHost(mail({ name: "First", address: "first@example.com" }, "a"));
    const services = fakeServices((q) => new Promise((r) => (slow[q.from] = r)));
    render(<App host={h.host} services={services} />);
    await waitFor(() => expect(slow["first@example.com"]).toBeTruthy());
    await act(async () => h.select(mail({ name: "Second", address: "second@example.com" }, "b")));
    await waitFor(() => expect(slow["second@example.com"]).toBeTruthy());
    await act(async () => slow["second@example.com"]({ looked: [], matches: [], possible: [] }));
    await screen.findByRole("heading", { name: "No record for second@example.com" });
    await act(async () => slow["first@example.com"]({ looked: [], matches: [], possible: [] }));
    expect(screen.queryByText(/first@example.com/)).toBeNull();
    expect(document.querySelector("[data-flag-for]")!.getAttribute("data-flag-for")).toBe("b");
  });

  it("looks a mail's sender up once, and not again when that mail is selected again moments later", async () => {
    let asked = 0;
    const h = fakeHost(mail({ name: "Alice", address: "alice@example.com" }, "a"));
    const services = fakeServices(async () => {
      asked++;
      return nobody();
    });
    render(<App host={h.host} services={services} />);
    await screen.findByRole("heading", { name: "No record for alice@example.com" }, { timeout: 5000 });
    expect(asked).toBe(1);
    await act(async () => h.select(mail({ name: "Bob", address: "bob@example.com" }, "b")));
    await screen.findByRole("heading", { name: "No record for bob@example.com" });
    await act(async () => h.select(mail({ name: "Alice", address: "alice@example.com" }, "a")));
    await screen.findByRole("heading", { name: "No record for alice@example.com" });
    expect(asked).toBe(2);
  });

  it("paints 'checking' at once while its sign-in code loads", async () => {
    render(<App host={fakeHost(mail({ name: "A", address: "a@b.c" })).host} services={null} />);
    expect(screen.getByRole("heading", { name: "Checking the sender…" })).toBeTruthy();
    expect(screen.queryByText(/No record/)).toBeNull();
  });

  it("asks the officer to select a mail when none is open", async () => {
    render(<App host={fakeHost(null).host} services={fakeServices(nobody)} />);
    await screen.findByRole("heading", { name: "Select a mail to check its sender" });
  });
});

// @vitest-environment jsdom
// TeamsJS only when the page may be hosted: outside Teams the tab runs standalone at once, and a frame that never
// answers (a preview, a harness) falls back to standalone after a timeout rather than hanging.
import { connectTeams, mayBeHosted, themeFromTeams } from "../../addin/teams/host";

it("maps Teams' themes to the tab's", () => {
  expect([themeFromTeams("default"), themeFromTeams("dark"), themeFromTeams("contrast"), themeFromTeams(undefined)]).toEqual(["light", "dark", "highContrast", "light"]);
});

it("runs standalone at once in a top-level window, keeping the page's own theme", async () => {
  expect(mayBeHosted(window)).toBe(false);
  const host = await connectTeams(window, "dark", 10_000);
  expect(host).toMatchObject({ kind: "standalone", theme: "dark" });
});

it("falls back to standalone when a parent frame never answers TeamsJS", async () => {
  const framed = { parent: { postMessage: () => undefined }, opener: null, addEventListener: () => undefined } as unknown as Window;
  expect(mayBeHosted(framed)).toBe(true);
  const started = Date.now();
  const host = await connectTeams(framed, "light", 200);
  expect(host.kind).toBe("standalone");
  expect(Date.now() - started).toBeLessThan(5_000);
});

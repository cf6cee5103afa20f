// Behaviours under headings and "Find a behaviour": every behaviour shown once, ticked ones never hidden by a search.
import { describe, expect, it } from "vitest";
import { behaviourGroups, findBehaviours, matchesSearch } from "../../shared/presets/behaviour-groups";
import { PRESETS, getPreset, parsePreset } from "../../shared/presets/registry";
import { presetSchema } from "../../shared/presets/schema";
import { cumbriaFire2023 } from "../../shared/presets/cumbria-fire-2023";
import { localResolutionFirst, referralProblems } from "../../shared/workflow";

const cumbria = getPreset("cumbria-fire-2023")!;

describe("behaviourGroups", () => {
  it("puts every behaviour of every preset in exactly one group", () => {
    for (const p of PRESETS) {
      const ids = behaviourGroups(p.behaviours).flatMap((g) => g.items.map((b) => b.id));
      expect(ids.sort()).toEqual(p.behaviours.items.map((b) => b.id).sort());
    }
  });

  it("uses Cumbria's own three lists, in the policy's order", () => {
    const groups = behaviourGroups(cumbria.behaviours);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ["What their contact is like", 5],
      ["Unacceptable behaviour", 2],
      ["Actions that can lead to the policy being used", 18],
    ]);
  });

  it("gives a preset without groups one group, and behaviours no group names their own", () => {
    const items = [
      { id: "a", label: "Shouting" },
      { id: "b", label: "Daily calls" },
    ];
    expect(behaviourGroups({ items }).map((g) => [g.label, g.items.length])).toEqual([["Behaviours in the policy", 2]]);
    expect(behaviourGroups({ items, groups: [{ id: "g", label: "Calls", items: ["b", "b", "nope"] }] }).map((g) => [g.label, g.items.map((b) => b.id)])).toEqual([
      ["Calls", ["b"]],
      ["Other behaviours", ["a"]],
    ]);
  });
});

describe("findBehaviours", () => {
  const groups = behaviourGroups(cumbria.behaviours);

  it("shows everything with no search", () => {
    const shown = findBehaviours(groups, "  ", new Set());
    expect(shown.map((s) => s.shown.length)).toEqual([5, 2, 18]);
    expect(shown.every((s) => s.matches === 0)).toBe(true);
  });

  it("keeps only groups with a match, and the matches, by the start of each word", () => {
    const shown = findBehaviours(groups, "record", new Set());
    expect(shown.map((s) => [s.group.id, s.shown.map((b) => b.id)])).toEqual([["actions", ["covert-recording"]]]);
    expect(shown[0].matches).toBe(1);
    expect(findBehaviours(groups, "zzz", new Set())).toEqual([]);
  });

  it("never hides a ticked behaviour, and counts the ticked ones", () => {
    const shown = findBehaviours(groups, "record", new Set(["bullying-harassment", "high-volume"]));
    expect(shown.map((s) => [s.group.id, s.shown.map((b) => b.id), s.ticked, s.matches])).toEqual([
      ["unacceptable-behaviour", ["bullying-harassment"], 1, 0],
      ["actions", ["high-volume", "covert-recording"], 1, 1],
    ]);
  });

  it("shows a whole group when the search names its heading", () => {
    expect(findBehaviours(groups, "unacceptable", new Set()).map((s) => [s.group.id, s.shown.length])).toEqual([["unacceptable-behaviour", 2]]);
  });

  it("matches regardless of case, accents and punctuation", () => {
    expect(matchesSearch("High volume of letters, e-mails or calls", "E-MAIL")).toBe(true);
    expect(matchesSearch("Réunion café", "cafe reu")).toBe(true);
    expect(matchesSearch("Abusive behaviour", "buse")).toBe(false);
  });
});

describe("preset groups are checked", () => {
  it("refuses a group naming a behaviour the preset does not have, or one behaviour in two groups", () => {
    const input = structuredClone(cumbriaFire2023) as unknown as { behaviours: { groups: { id: string; label: string; items: string[] }[] } };
    input.behaviours.groups[1].items.push("no-such-thing", "high-volume");
    const r = parsePreset(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'behaviours.groups: the behaviour "high-volume" appears more than once',
      'behaviours.groups: "no-such-thing" in the group "Unacceptable behaviour" is not one of the behaviours',
    ]);
    expect(presetSchema.safeParse(cumbriaFire2023).success).toBe(true);
  });
});

describe("referralProblems", () => {
  it("lists every problem with the referral at once, each with its field", () => {
    expect(referralProblems(cumbria, { behaviours: [], summary: " ", localResolution: [{ step: "made-up", note: "" }] })).toEqual([
      { field: "behaviours", reason: "Choose at least one behaviour from the policy that this referral is about." },
      { field: "localResolution", reason: "These are not local-resolution steps in this policy: made-up." },
      { field: "summary", reason: "Write a short summary of what has happened, with the evidence." },
    ]);
    expect(referralProblems(cumbria, { behaviours: ["high-volume"], summary: "Daily calls." })).toEqual([]);
    expect(localResolutionFirst(cumbria)).toMatch(/^Cumbria Fire and Rescue Service's policy requires local resolution to be tried first/);
  });
});

// The organisation's own values where a policy text is silent: they fill only what the text leaves unsaid, within
// bounds, and are cited as the organisation's, never the policy's.
import { getPreset, PRESETS } from "../../shared/presets/registry";
import { ORGANISATION_SOURCE, parsePolicyValues, silentPaths, withPolicyValues } from "../../shared/settings/policy-values";

const southampton = getPreset("southampton-2018")!;
const cumbria = getPreset("cumbria-fire-2023")!;

describe("values where a policy is silent", () => {
  it("offers only what each text leaves unsaid (002 Appeal gives no window; 001 2.2 gives 14 days)", () => {
    expect(silentPaths(southampton)).toEqual(expect.arrayContaining(["appeal.windowDays", "appeal.decisionDays"]));
    expect(silentPaths(cumbria)).not.toContain("appeal.windowDays");
  });

  it("keeps well-formed values and reports the rest in words, so a hand edit can never change what a policy says", () => {
    const { values, problems } = parsePolicyValues(
      { "southampton-2018": { "appeal.windowDays": 28, "appeal.decisionDays": 0, "appeal.actor": "x" }, "cumbria-fire-2023": { "appeal.windowDays": 30 }, nowhere: {} },
      PRESETS,
    );
    expect(values).toEqual({ "southampton-2018": { "appeal.windowDays": 28 } });
    expect(problems).toEqual([
      "Southampton City Council (Legal and Business Operations): \"appeal.decisionDays\" must be a whole number of days from 1 to 365.",
      "Southampton City Council (Legal and Business Operations): \"appeal.actor\" is not something the organisation can set.",
      "Cumbria Fire and Rescue Service's policy already says this (\"appeal.windowDays\"): it cannot be changed here.",
      '"nowhere" is not a policy in use.',
    ]);
  });

  it("fills the preset where it is silent, citing the organisation, and leaves the text's own values alone", () => {
    const filled = withPolicyValues(southampton, { "appeal.windowDays": 28 });
    expect(filled.appeal.windowDays).toEqual({ value: 28, source: ORGANISATION_SOURCE });
    expect(filled.appeal.available).toEqual(southampton.appeal.available);
    expect(withPolicyValues(cumbria, { "appeal.windowDays": 30 }).appeal.windowDays.value).toBe(14);
  });
});

// The form for values where a policy is silent saves only what the administrator set: an untouched yes-or-no stays
// unset, so a step waits for it rather than taking "no" for an answer nobody gave.
import { valuesFromTyped } from "../../addin/teams/offices/PolicyValuesForm";

const silent = [
  { presetId: "merseyside-fire-2011", title: "t", organisation: "o", settings: [{ path: "appeal.available", label: "Whether the customer can appeal", kind: "bool" as const }, { path: "appeal.windowDays", label: "Appeal window (days)", kind: "int" as const, min: 1, max: 365, unit: "days" }] },
];

it("saves only the values set, leaving untouched ones unset", () => {
  expect(valuesFromTyped({ silent }, { "merseyside-fire-2011": { "appeal.available": "", "appeal.windowDays": "" } })).toEqual({});
  expect(valuesFromTyped({ silent }, { "merseyside-fire-2011": { "appeal.available": "no", "appeal.windowDays": " 21 " } })).toEqual({ "merseyside-fire-2011": { "appeal.available": false, "appeal.windowDays": 21 } });
});

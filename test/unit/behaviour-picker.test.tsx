// @vitest-environment jsdom
// The behaviour picker in a browser-like DOM: "Other (describe)" is offered only where the policy calls its list
// examples, ticking it asks for "Describe the behaviour", a search never hides it, and its error is shown at its box.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BehaviourPicker } from "../../addin/components/BehaviourPicker";
import { getPreset } from "../../shared/presets/registry";

beforeAll(() => {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});
afterEach(() => cleanup());

function setup(policyId: string, otherError?: string) {
  const preset = getPreset(policyId)!;
  const seen: { behaviours: string[]; description: string } = { behaviours: [], description: "" };
  function Host() {
    const [value, setValue] = useState<string[]>([]);
    const [description, setDescription] = useState("");
    seen.behaviours = value;
    seen.description = description;
    return (
      <BehaviourPicker
        behaviours={preset.behaviours}
        value={value}
        onChange={setValue}
        legend="Behaviours this referral is about"
        idPrefix="t"
        otherDescription={description}
        onOtherDescriptionChange={setDescription}
        otherError={otherError}
      />
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <Host />
    </FluentProvider>,
  );
  return { seen, group: screen.getByRole("group", { name: "Behaviours this referral is about" }) };
}

describe("BehaviourPicker: Other (describe)", () => {
  it("asks for a description only once “Other (describe)” is ticked, and passes both on (council-ccm-2014: “not intended to cover all possible” behaviour)", () => {
    const { seen, group } = setup("council-ccm-2014");
    expect(within(group).queryByRole("textbox", { name: /Describe the behaviour/ })).toBeNull();
    fireEvent.click(within(group).getByRole("checkbox", { name: "Other (describe)" }));
    const box = within(group).getByRole("textbox", { name: /Describe the behaviour/ });
    expect((box as HTMLTextAreaElement).required || box.getAttribute("aria-required") === "true").toBe(true);
    fireEvent.change(box, { target: { value: "Leaves voicemails pretending to be a solicitor" } });
    expect(seen).toEqual({ behaviours: ["other"], description: "Leaves voicemails pretending to be a solicitor" });
    fireEvent.click(within(group).getByRole("checkbox", { name: "Other (describe)" }));
    expect(within(group).queryByRole("textbox", { name: /Describe the behaviour/ })).toBeNull();
    expect(seen.behaviours).toEqual([]);
  });

  it("offers no “Other” where the policy's list is closed (merseyside-fire-2011: “covers four definitions”)", () => {
    const { group } = setup("merseyside-fire-2011");
    expect(within(group).getAllByRole("checkbox")).toHaveLength(4);
    expect(within(group).queryByRole("checkbox", { name: "Other (describe)" })).toBeNull();
  });

  it("keeps “Other” in view while a search of a long list finds nothing (cumbria-fire-2023)", () => {
    const { group } = setup("cumbria-fire-2023");
    fireEvent.change(within(group).getByRole("searchbox", { name: /Find a behaviour/ }), { target: { value: "zzzz" } });
    expect(within(group).getByText(/No behaviour matches/)).toBeTruthy();
    expect(within(group).getByRole("checkbox", { name: "Other (describe)" })).toBeTruthy();
  });

  it("shows the problem with the description at its box", () => {
    const { group } = setup("southampton-2018", "Describe the behaviour you ticked as “Other”.");
    fireEvent.click(within(group).getByRole("checkbox", { name: "Other (describe)" }));
    const box = within(group).getByRole("textbox", { name: /Describe the behaviour/ });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(within(group).getByText("Describe the behaviour you ticked as “Other”.")).toBeTruthy();
  });
});

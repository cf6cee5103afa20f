// The policy's behaviours as tick boxes: a short list as it is; a long one under collapsible headings with a search,
// so a form fits a 320 px task pane (Cumbria's 25 behaviours were about 1,900 px of tick boxes). Where the policy calls
// its list examples, "Other (describe)" lets staff record a behaviour outside it in their own words.
import { Checkbox, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Search20Regular } from "@fluentui/react-icons";
import { useMemo, useState, type KeyboardEvent } from "react";
import { behaviourGroups, findBehaviours, PLAIN_LIST_MAX, type BehaviourGroup } from "../../shared/presets/behaviour-groups";
import { behavioursOpen, OTHER_BEHAVIOUR, OTHER_BEHAVIOUR_LABEL, OTHER_DESCRIPTION_MAX, OTHER_DESCRIPTION_MIN } from "../../shared/presets/other-behaviour";
import type { Preset } from "../../shared/presets/schema";
import { Disclosure } from "./Disclosure";

type Behaviours = Preset["behaviours"];

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  error: { margin: 0, display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start", color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  errorIcon: { flexShrink: 0, marginTop: "2px" },
  quiet: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** The "Describe the behaviour" box's id, for an error summary's link. */
export function otherDescriptionId(idPrefix: string): string {
  return `${idPrefix}-other-description`;
}

/** The control an error summary's link should focus: the search where there is one, otherwise the first tick box. */
export function behaviourFocusId(behaviours: Behaviours, idPrefix: string): string {
  return behaviours.items.length > PLAIN_LIST_MAX ? `${idPrefix}-find` : `${idPrefix}-${behaviours.items[0]?.id ?? "none"}`;
}

export interface BehaviourPickerProps {
  behaviours: Behaviours;
  value: readonly string[];
  onChange(next: string[]): void;
  legend: string;
  /** Makes the ids of this picker's controls unique in the page (a form may hold one picker). */
  idPrefix: string;
  error?: string;
  /** What the behaviour ticked as "Other" was; shown (and needed) only while "Other (describe)" is ticked. */
  otherDescription?: string;
  onOtherDescriptionChange?(next: string): void;
  /** The problem with the description, shown at its box. */
  otherError?: string;
}

export function BehaviourPicker({ behaviours, value, onChange, legend, idPrefix, error, otherDescription = "", onOtherDescriptionChange, otherError }: BehaviourPickerProps) {
  const styles = useStyles();
  const open = behavioursOpen({ behaviours }) && !!onOtherDescriptionChange;
  const groups = useMemo(() => behaviourGroups(behaviours), [behaviours]);
  const ticked = useMemo(() => new Set(value), [value]);
  const errorId = `${idPrefix}-error`;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  const box = (b: { id: string; label: string }) => (
    <Checkbox key={b.id} id={`${idPrefix}-${b.id}`} label={b.label} checked={ticked.has(b.id)} onChange={(_, d) => toggle(b.id, !!d.checked)} />
  );
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {error ? (
        <p id={errorId} className={styles.error}>
          <ErrorCircle16Filled className={styles.errorIcon} aria-hidden="true" />
          {error}
        </p>
      ) : null}
      {behaviours.items.length > PLAIN_LIST_MAX ? <Grouped groups={groups} ticked={ticked} idPrefix={idPrefix} box={box} /> : behaviours.items.map(box)}
      {/* Outside the headings and the search, so a search never hides it. */}
      {open ? box({ id: OTHER_BEHAVIOUR, label: OTHER_BEHAVIOUR_LABEL }) : null}
      {open && ticked.has(OTHER_BEHAVIOUR) ? (
        <Field
          label="Describe the behaviour"
          required
          hint={`In your own words, ${OTHER_DESCRIPTION_MIN} to ${OTHER_DESCRIPTION_MAX} characters: it is recorded as “Other: …”.`}
          validationMessage={otherError}
          validationState={otherError ? "error" : "none"}
        >
          <Textarea id={otherDescriptionId(idPrefix)} value={otherDescription} onChange={(_, d) => onOtherDescriptionChange?.(d.value)} resize="vertical" />
        </Field>
      ) : null}
    </fieldset>
  );
}

function Grouped({ groups, ticked, idPrefix, box }: { groups: BehaviourGroup[]; ticked: ReadonlySet<string>; idPrefix: string; box: (b: { id: string; label: string }) => React.ReactNode }) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  // Every group starts closed: the headings and their counts are what fits a pane.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const shown = findBehaviours(groups, query, ticked);
  const searching = query.trim() !== "";
  const matches = shown.reduce((n, s) => n + s.matches, 0);
  const search = (text: string) => {
    setQuery(text);
    // Groups holding a match (or a ticked behaviour) open as the officer types; closing one afterwards is their choice.
    const opening = text.trim() ? findBehaviours(groups, text, ticked) : [];
    if (opening.length) setOpen((o) => new Set([...o, ...opening.map((s) => s.group.id)]));
  };
  const flip = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  // Enter in the search would otherwise send the whole form.
  const noSubmit = (e: KeyboardEvent) => {
    if (e.key === "Enter") e.preventDefault();
  };
  return (
    <>
      <Field label="Find a behaviour" hint="Type part of a behaviour, for example “record” or “calls”.">
        <Input id={`${idPrefix}-find`} type="search" value={query} contentBefore={<Search20Regular aria-hidden="true" />} onChange={(_, d) => search(d.value)} onKeyDown={noSubmit} />
      </Field>
      <p className={styles.quiet} role="status">
        {searching ? (matches ? `${matches} ${matches === 1 ? "behaviour matches" : "behaviours match"}.` : "No behaviour matches. Try another word, or clear the search to see them all.") : ""}
      </p>
      {shown.map(({ group, shown: items, ticked: count }) => (
        <Disclosure key={group.id} id={`${idPrefix}-group-${group.id}`} label={group.label} ticked={count} total={group.items.length} open={open.has(group.id)} onToggle={() => flip(group.id)}>
          {items.map(box)}
        </Disclosure>
      ))}
    </>
  );
}

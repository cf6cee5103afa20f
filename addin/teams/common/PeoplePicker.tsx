// Choosing colleagues from the organisation's directory by typing part of a name or e-mail (Fluent UI v9 TagPicker).
import { Field, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption, makeStyles, tokens, type TagPickerProps } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { normaliseEmail } from "../../../shared/address/email";
import { searchPeople, type DirectoryPerson } from "../../../graph/directory/people";
import { errorWords } from "../../components/ErrorNotice";
import { useServices } from "../app/services";

/** Someone chosen: from the directory, or (where allowed) an address typed in full, such as a distribution list. */
export type PickedPerson = Pick<DirectoryPerson, "name" | "mail"> & Partial<Pick<DirectoryPerson, "id" | "jobTitle" | "department" | "phone">>;

export interface PeoplePickerProps {
  label: string;
  /** The people chosen, in order; in single mode at most one. */
  value: PickedPerson[];
  onChange(value: PickedPerson[]): void;
  multiple?: boolean;
  /** Offer an address typed in full when the directory has no one by it (distribution lists, shared mailboxes). */
  allowAddress?: boolean;
  required?: boolean;
  hint?: string;
  /** A problem with the choice, already in words, shown under the field. */
  error?: string;
  onBlur?(): void;
}

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // The input's own size would hold the picker wider than a 320 px tab.
  control: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  input: { minWidth: 0, width: "100%" },
});

// Long enough that typing "Niamh" asks the directory once, short enough that the list feels immediate.
const DEBOUNCE_MS = 300;

function useDebounced(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

const key = (mail: string) => mail.trim().toLowerCase();

/** "Customer Liaison Officer · niamh.obrien@upc.test" */
function describe(p: PickedPerson): string {
  return [p.jobTitle, p.mail].filter(Boolean).join(" · ");
}

export function PeoplePicker({ label, value, onChange, multiple = false, allowAddress = false, required, hint, error, onBlur }: PeoplePickerProps) {
  const { graph } = useServices();
  const styles = useStyles();
  const [text, setText] = useState("");
  // Opened by typing, closed by Escape, a choice or leaving: typed text alone must show the list, however it arrives.
  const [open, setOpen] = useState(false);
  const typed = useDebounced(text.trim());
  const hintId = useId();
  // One letter matches most of a directory; two narrow it to people worth listing.
  const found = useQuery({ queryKey: ["directory-people", typed], queryFn: () => searchPeople(graph, typed), enabled: typed.length >= 2 });
  const chosen = new Set(value.map((p) => key(p.mail)));
  const people = (found.data ?? []).filter((p) => !chosen.has(key(p.mail)));
  const address = allowAddress && normaliseEmail(text.trim()).ok && !chosen.has(key(text)) && !people.some((p) => key(p.mail) === key(text)) ? text.trim() : null;

  const onOptionSelect: TagPickerProps["onOptionSelect"] = (_, data) => {
    const picked = data.value;
    if (chosen.has(key(picked))) {
      onChange(value.filter((p) => key(p.mail) !== key(picked)));
      return;
    }
    const person: PickedPerson | undefined = people.find((p) => key(p.mail) === key(picked)) ?? (address && key(address) === key(picked) ? { name: address, mail: address } : undefined);
    if (!person) return;
    onChange(multiple ? [...value, person] : [person]);
    setText("");
    setOpen(false);
  };

  const waiting = text.trim().length >= 2 && (typed !== text.trim() || found.isFetching);
  const failure = found.isError ? `The directory could not be searched. ${errorWords(found.error)}` : "";
  const status = failure
    ? ""
    : waiting
      ? "Searching the directory…"
      : text.trim().length === 1
        ? "Type at least two letters of a name or e-mail address."
        : typed.length >= 2 && typed === text.trim() && !people.length && !address
          ? `Nobody in the directory matches “${typed}”.${allowAddress ? " You can type a full e-mail address instead." : ""}`
          : "";

  return (
    <div>
      <Field label={label} required={required} hint={hint} validationState={error || failure ? "error" : "none"} validationMessage={error || failure || undefined}>
        <TagPicker onOptionSelect={onOptionSelect} selectedOptions={value.map((p) => p.mail)} open={open && (people.length > 0 || !!address)} onOpenChange={(_, d) => setOpen(d.open)}>
          <TagPickerControl expandIcon={null} className={styles.control}>
            {value.length ? (
              <TagPickerGroup aria-label={`${label}: chosen`}>
                {value.map((p) => (
                  <Tag key={key(p.mail)} value={p.mail} shape="rounded" aria-label={`Remove ${p.name}`} title={describe(p)}>
                    {p.name}
                  </Tag>
                ))}
              </TagPickerGroup>
            ) : null}
            <TagPickerInput
              className={styles.input}
              aria-label={label}
              aria-describedby={status ? hintId : undefined}
              placeholder={value.length && !multiple ? "Type to choose someone else" : "Type part of a name or e-mail"}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setOpen(true);
              }}
              onBlur={onBlur}
            />
          </TagPickerControl>
          <TagPickerList>
            {people.map((p) => (
              <TagPickerOption key={key(p.mail)} value={p.mail} text={p.name} secondaryContent={describe(p)}>
                {p.name}
              </TagPickerOption>
            ))}
            {address ? (
              <TagPickerOption key="address" value={address} text={address} secondaryContent="Not in the directory: a distribution list or shared mailbox">
                {`Use the address ${address}`}
              </TagPickerOption>
            ) : null}
          </TagPickerList>
        </TagPicker>
      </Field>
        <span id={hintId} role="status" className={styles.status}>
          {status}
        </span>
    </div>
  );
}

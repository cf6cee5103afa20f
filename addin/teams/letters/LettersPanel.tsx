// Letters the case owes: drafted from the preset's required elements, refused until complete, then either e-mailed
// (the case service sends it once, from the organisation's notice mailbox) or printed and recorded with the day it was
// posted. "No letter" only where the preset allows it, with the reason recorded. Staff notices are e-mailed to the
// people the preset names, chosen from the directory (or a distribution list's address typed in full).
import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Textarea } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import type { LetterKind } from "../../../shared/domain/vocab";
import { listInWords } from "../../../shared/letters/elements";
import { draftLetter, draftMissing, letterText, presentElements, type LetterDraft } from "../../../shared/letters/draft";
import type { Preset } from "../../../shared/presets/schema";
import type { Effect } from "../../../shared/workflow";
import { noticeTitles } from "../../../shared/workflow/follow-ups";
import { normaliseEmail } from "../../../shared/address/email";
import type { CasePage } from "../../../graph/reports/case-page";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PeoplePicker, type PickedPerson } from "../common/PeoplePicker";
import { formatLondonDate } from "../../../shared/time/london";
import { addCalendarDays, londonDateKey } from "../../../shared/time/calendar";
import { PrintView, type Printable } from "../app/print";
import { hasRole, useServices } from "../app/services";
import { Note, Refusal, useUi } from "../app/ui";
import { letterWords, useStep } from "../app/useStep";
import { letterFacts } from "./facts";
import { useParticipants } from "../common/Participants";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default function LettersPanel({ page, preset, onDone }: { page: CasePage; preset: Preset; onDone(effects: Effect[], what: string): void }) {
  const ui = useUi();
  const { me } = useServices();
  const owed = [...new Set(page.loaded.file.lettersOwed)];
  if (!owed.length) return null;
  if (!hasRole(me, "Manager", "Decider", "Reviewer")) {
    return (
      <Note title="Letters owed">
        {capital(listWords(owed))} {owed.length === 1 ? "is" : "are"} owed. A manager, decider or reviewer writes {owed.length === 1 ? "it" : "them"}.
      </Note>
    );
  }
  return (
    <div className={ui.stack}>
      {owed.map((kind) => (
        // Keyed by the letters of its own kind: recording one letter must not wipe what is being typed in another.
        <LetterEditor key={`${kind}-${page.loaded.letters.filter((l) => l.kind === kind).length}`} kind={kind} page={page} preset={preset} onDone={onDone} />
      ))}
    </div>
  );
}

function listWords(kinds: LetterKind[]): string {
  const w = kinds.map((k) => `the ${letterWords(k)}`);
  return w.length <= 1 ? w.join("") : `${w.slice(0, -1).join(", ")} and ${w.at(-1)}`;
}

const REMEMBERED = (preset: string, title: string) => `upc.staffNotice.${preset}.${title}`;

/** The people last told under this policy; older tabs remembered a comma-separated list of addresses, read as addresses. */
function remembered(key: string): PickedPerson[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return [];
  }
  if (!raw?.trim()) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    if (Array.isArray(list)) return list.filter((p): p is PickedPerson => typeof p?.mail === "string" && typeof p?.name === "string");
  } catch {
    // Not JSON: the older form.
  }
  return raw
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((mail) => ({ name: mail, mail }));
}

/** Today in the UK as yyyy-mm-dd, for the date-posted field. */
const londonToday = () => londonDateKey(new Date());

const inWords = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);

function LetterEditor({ kind, page, preset, onDone }: { kind: LetterKind; page: CasePage; preset: Preset; onDone(effects: Effect[], what: string): void }) {
  const ui = useUi();
  const { me } = useServices();
  const staff = kind === "StaffNotice";
  const [draft, setDraft] = useState<LetterDraft>(() => draftLetter(preset, kind, letterFacts(page, preset, kind, { name: me.name || me.upn })));
  const emails = page.identities.filter((i) => i.kind === "Email").map((i) => i.value);
  const [channel, setChannel] = useState<"Letter" | "Email">(staff ? "Email" : "Letter");
  const [to, setTo] = useState(emails[0] ?? "");
  const titles = noticeTitles(preset, page.loaded.file);
  const [staffTo, setStaffTo] = useState<Record<string, PickedPerson[]>>(() => Object.fromEntries(titles.map((t) => [t, remembered(REMEMBERED(preset.id, t))])));
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState<Printable | null>(null);
  const [postedOn, setPostedOn] = useState(londonToday);
  // Where monitoring runs from the customer's receipt of this letter (council-ccm-2014 §6), a posted one needs that day.
  const needsReceipt = kind === "Monitoring" && preset.monitoringPeriod.startsFrom?.value === "letterReceived";
  const [receivedOn, setReceivedOn] = useState(() => addCalendarDays(londonToday(), 2));
  const [withholding, setWithholding] = useState(false);
  const [withheldReason, setWithheldReason] = useState("");
  const [withholdTried, setWithholdTried] = useState(false);
  const taking = useParticipants(preset, preset.noLetter?.actor, withholdTried);
  // What the tab says once the step is recorded: to whom it is being sent, or the day it was posted.
  const outcome = useRef("");
  const step = useStep(page.loaded.customer.id!, (effects) => onDone(effects, outcome.current));
  const missing = draftMissing(preset, draft);
  const mayWithhold = preset.noLetter?.kinds.includes(kind) ?? false;
  const rule = preset.letters.find((l) => l.kind === kind);
  const headingId = `letter-${kind}`;
  // Stable, so the print view's effect (which opens the dialog) runs once per document, not once per render.
  const stopPrinting = useCallback(() => setPrinting(null), [setPrinting]);

  const setSection = (i: number, text: string) => {
    setProblem(null);
    setDraft((d) => ({ ...d, sections: d.sections.map((s, n) => (n === i ? { ...s, text } : s)) }));
  };

  const recipients = (): { address: string; name?: string }[] | string => {
    if (staff) {
      const empty = titles.filter((t) => !staffTo[t]?.length);
      if (empty.length) return `Choose who is told for each group the policy names (type part of a name, or a full e-mail address): ${empty.join(", ")}.`;
      const list = titles.flatMap((t) => staffTo[t].map((p) => ({ address: p.mail, name: p.name })));
      const bad = list.find((r) => !normaliseEmail(r.address).ok);
      return bad ? `"${bad.address}" is not an e-mail address.` : list;
    }
    if (channel === "Email") {
      if (!to.trim()) return "Choose the e-mail address to send the letter to, or send it by post.";
      return normaliseEmail(to).ok ? [{ address: to.trim(), name: page.loaded.customer.name }] : `"${to}" is not an e-mail address.`;
    }
    // By post: nobody is e-mailed; the letter is printed, posted, and recorded with the day.
    return [];
  };

  const send = async () => {
    setProblem(null);
    if (missing.length) {
      setProblem(`The ${letterWords(kind)} is not complete. ${preset.organisation}'s policy requires it to include ${listInWords(missing)}.`);
      return;
    }
    const r = recipients();
    if (typeof r === "string") {
      setProblem(r);
      return;
    }
    const text = letterText(draft);
    const by = staff ? "Email" : channel;
    if (by === "Letter" && !/^\d{4}-\d{2}-\d{2}$/.test(postedOn)) {
      setProblem("Give the day the letter was posted.");
      return;
    }
    if (by === "Letter" && needsReceipt && !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) {
      setProblem("Give the day the letter is taken as received: monitoring runs from then.");
      return;
    }
    const to = r.map((x) => x.address.trim());
    if (staff) {
      try {
        for (const t of titles) localStorage.setItem(REMEMBERED(preset.id, t), JSON.stringify(staffTo[t].map((p) => ({ name: p.name, mail: p.mail }))));
      } catch {
        // Remembering the addresses is a convenience; a browser that refuses storage loses nothing else.
      }
    }
    outcome.current =
      by === "Email"
        ? `${staff ? "Staff notice recorded" : `The ${letterWords(kind)} is recorded`}: it is being e-mailed to ${inWords(to)} from the organisation's UPC mailbox.`
        : `The ${letterWords(kind)} is recorded as posted on ${formatLondonDate(new Date(`${postedOn}T12:00:00Z`))}.`;
    await step.run({
      type: "LetterSent",
      kind,
      elements: presentElements(draft),
      content: { title: draft.subject, body: text, channel: by, ...(by === "Email" ? { to } : { postedOn, ...(needsReceipt ? { receivedOn } : {}) }) },
    });
  };

  const withhold = async () => {
    setProblem(null);
    setWithholdTried(true);
    if (withheldReason.trim().length < 3) {
      setProblem("Record why no letter is being sent.");
      return;
    }
    if (taking.missing.length) {
      setProblem(taking.missing.join(" "));
      return;
    }
    await step.run({ type: "LetterWithheld", kind, reason: withheldReason.trim(), ...(taking.participants?.length ? { participants: taking.participants } : {}) });
  };

  return (
    <section aria-labelledby={headingId} className={ui.stack}>
      <h3 id={headingId} className={ui.h3}>
        {capital(letterWords(kind))} (owed)
      </h3>
      {rule?.sender ? <p className={ui.muted}>The policy says {rule.sender} sends it.</p> : null}
      <Field label="Subject" required>
        <Input value={draft.subject} onChange={(_, v) => setDraft((d) => ({ ...d, subject: v.value }))} />
      </Field>
      <Field label="Opening">
        <Textarea value={draft.opening} onChange={(_, v) => setDraft((d) => ({ ...d, opening: v.value }))} resize="vertical" />
      </Field>
      {draft.sections.map((s, i) => (
        <Field
          key={`${s.element}-${i}`}
          label={`${capital(s.label)}${s.required ? " (required by the policy)" : ""}`}
          required={s.required}
          validationState={s.required && !s.text.trim() ? "warning" : "none"}
          validationMessage={s.required && !s.text.trim() ? "The register does not hold this: write it in." : undefined}
        >
          <Textarea value={s.text} onChange={(_, v) => setSection(i, v.value)} resize="vertical" rows={Math.min(8, Math.max(2, Math.ceil(s.text.length / 90) + s.text.split("\n").length - 1))} />
        </Field>
      ))}
      <Field label="Sign-off">
        <Textarea value={draft.closing} onChange={(_, v) => setDraft((d) => ({ ...d, closing: v.value }))} resize="vertical" />
      </Field>
      <p role="status" className={ui.muted}>
        {missing.length ? `Still missing: ${listInWords(missing)}.` : "Every element the policy requires is in the letter."}
      </p>

      {staff ? (
        <fieldset>
          <legend className={ui.h3}>Who is told</legend>
          <div className={ui.stack}>
            {titles.map((t) => (
              <PeoplePicker
                key={t}
                label={`Recipients for ${t}`}
                required
                multiple
                allowAddress
                hint="Type part of a name to find someone in the directory, or a full e-mail address for a distribution list."
                value={staffTo[t] ?? []}
                onChange={(people) => {
                  setProblem(null);
                  setStaffTo((s) => ({ ...s, [t]: people }));
                }}
              />
            ))}
          </div>
        </fieldset>
      ) : (
        <div className={ui.row}>
          <Field label="Send by">
            <RadioGroup layout="horizontal" value={channel} onChange={(_, v) => setChannel(v.value as "Letter" | "Email")}>
              <Radio value="Letter" label="Post (print it)" />
              <Radio value="Email" label="E-mail" />
            </RadioGroup>
          </Field>
          {channel === "Email" ? (
            <Field label="Customer's e-mail address" required>
              <Select value={to} onChange={(_, v) => setTo(v.value)}>
                <option value="">Choose an address</option>
                {emails.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
      )}

      {problem ? <Refusal title="Not sent:" reason={problem} /> : null}
      {step.refusal ? <Refusal reason={step.refusal} /> : null}
      {step.error ? <ErrorNotice title={`The ${staff ? "staff notice" : letterWords(kind)} was not recorded or sent.`} error={step.error} onRetry={step.retry} /> : null}
      {!staff && channel === "Letter" ? (
        <>
          <p className={ui.muted}>Print the letter and post it; then record the day it went in the post.</p>
          <div className={ui.row}>
            <Button onClick={() => setPrinting({ title: draft.subject, body: letterText(draft) })}>Print letter</Button>
            <Field label="Date posted" required>
              <Input type="date" value={postedOn} max={londonToday()} onChange={(_, v) => setPostedOn(v.value)} />
            </Field>
            {needsReceipt ? (
              <Field label="Date taken as received" hint="Monitoring runs from this day." required>
                <Input type="date" value={receivedOn} min={postedOn} onChange={(_, v) => setReceivedOn(v.value)} />
              </Field>
            ) : null}
          </div>
        </>
      ) : null}
      <div className={ui.row}>
        <Button appearance="primary" onClick={() => void send()} disabled={step.busy}>
          {staff ? "Send staff notice" : channel === "Email" ? "Send letter by e-mail" : "Record letter as posted"}
        </Button>
        {staff || channel === "Email" ? <Button onClick={() => setPrinting({ title: draft.subject, body: letterText(draft) })}>Print letter</Button> : null}
        {step.busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
      {mayWithhold ? (
        <div className={ui.stack}>
          {!withholding ? (
            <div>
              <Button onClick={() => setWithholding(true)}>Do not send this letter…</Button>
            </div>
          ) : (
            <>
              <p>{preset.organisation}'s policy allows this letter to be withheld where contact could re-ignite the behaviour. The reason is recorded.</p>
              <Field label="Why no letter is being sent" required>
                <Textarea value={withheldReason} onChange={(_, v) => setWithheldReason(v.value)} />
              </Field>
              {taking.pickers}
              <div>
                <Button onClick={() => void withhold()} disabled={step.busy}>
                  Record that no letter is sent
                </Button>
              </div>
            </>
          )}
        </div>
      ) : null}
      {printing ? <PrintView doc={printing} onDone={stopPrinting} /> : null}
    </section>
  );
}

// Where a policy text is silent (how long to appeal, how long records are kept…), the values the organisation sets
// itself: each shown as the organisation's own, never the policy's, and checked by the case service before saving.
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { SettingsRead } from "../../../graph/case-service/client";
import type { PolicyValues } from "../../../shared/settings/policy-values";
import { useUi } from "../app/ui";

// A yes-or-no setting has three states: unset (the step waits for it), yes and no; a tick box cannot say "unset".
type Typed = Record<string, Record<string, string>>;

/** What was typed, as values to save: blank numbers are left unset; anything else goes to the service to check. */
export function valuesFromTyped(read: Pick<SettingsRead, "silent">, typed: Typed): PolicyValues {
  const out: PolicyValues = {};
  for (const p of read.silent) {
    for (const s of p.settings) {
      const v = typed[p.presetId]?.[s.path];
      if (v === undefined || v === "") continue;
      (out[p.presetId] ??= {})[s.path] = s.kind === "bool" ? v === "yes" : Number(v.trim());
    }
  }
  return out;
}

const shown = (v: number | boolean | undefined): string => (v === undefined ? "" : v === true ? "yes" : v === false ? "no" : String(v));

export function PolicyValuesForm({ read, busy, answer, onSave }: { read: SettingsRead; busy: boolean; answer: React.ReactNode; onSave(values: PolicyValues): void }) {
  const ui = useUi();
  const [typed, setTyped] = useState<Typed>(() =>
    Object.fromEntries(read.silent.map((p) => [p.presetId, Object.fromEntries(p.settings.map((s) => [s.path, shown(read.policy[p.presetId]?.[s.path])]))])),
  );
  const set = (presetId: string, path: string, v: string) => setTyped((t) => ({ ...t, [presetId]: { ...t[presetId], [path]: v } }));
  return (
    <form
      noValidate
      aria-labelledby="silent-heading"
      className={`${ui.stack} ${ui.section}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(valuesFromTyped(read, typed));
      }}
    >
      <h2 id="silent-heading" className={ui.h2}>
        Where a policy is silent: your organisation's own settings
      </h2>
      <p className={ui.muted}>
        Each policy's text leaves these unsaid, and the steps that need them wait until they are set. What you set here is shown as your organisation's setting, never as the policy's.
      </p>
      {read.silent.map((p) => (
        <section key={p.presetId} aria-labelledby={`silent-${p.presetId}`} className={ui.stack}>
          <h3 id={`silent-${p.presetId}`} className={ui.h3}>
            {p.organisation}: {p.title}
          </h3>
          {p.settings.map((s) =>
            s.kind === "bool" ? (
              <Field key={s.path} label={s.label}>
                <Select value={typed[p.presetId]?.[s.path] ?? ""} onChange={(_, d) => set(p.presetId, s.path, d.value)}>
                  <option value="">Not set</option>
                  <option value="yes">Yes</option>
                  <option value="no">No</option>
                </Select>
              </Field>
            ) : (
              <Field key={s.path} label={s.label} hint={`A whole number of ${s.unit} from ${s.min} to ${s.max}; leave blank to keep it unset.`}>
                <Input inputMode="numeric" value={String(typed[p.presetId]?.[s.path] ?? "")} onChange={(_, d) => set(p.presetId, s.path, d.value)} />
              </Field>
            ),
          )}
        </section>
      ))}
      {answer}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Save the settings where policies are silent
        </Button>
      </div>
    </form>
  );
}

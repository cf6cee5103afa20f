// The parts every recording form shares: a headed form that never lets the browser submit, the workflow's answer, and the save button.
import { Button, Checkbox, Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Note, Refusal, useUi } from "../app/ui";
import type { StepState } from "../app/useStep";

export function StepForm({ id, heading, level = "h3", onSubmit, children }: { id: string; heading: string; level?: "h3" | "h4"; onSubmit(): void; children: ReactNode }) {
  const ui = useUi();
  const Heading = level;
  return (
    <form
      noValidate
      aria-labelledby={id}
      className={ui.stack}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Heading id={id} className={ui.h3}>
        {heading}
      </Heading>
      {children}
    </form>
  );
}

/** A conflict means someone else changed the case meanwhile: retrying would fail again, so offer a reload instead. */
export function StepMessages({ step, onReload, title }: { step: StepState; onReload(): void; title: string }) {
  const conflict = (step.error as { kind?: string } | undefined)?.kind === "Conflict";
  return (
    <>
      {step.refusal ? <Refusal reason={step.refusal} /> : null}
      {step.error ? <ErrorNotice title={title} error={step.error} onRetry={conflict ? onReload : step.retry} retryLabel={conflict ? "Reload" : "Retry"} /> : null}
    </>
  );
}

/** Problems are held back until the first attempt to save, so an empty form does not open with a list of errors. */
export function Unfinished({ shown, problems }: { shown: boolean; problems: string[] }) {
  return shown && problems.length ? <Refusal title="Not yet complete:" reason={problems.join(" ")} /> : null;
}

export function SubmitButton({ busy, spinner = false, children }: { busy: boolean; spinner?: boolean; children: ReactNode }) {
  return (
    <div>
      <Button type="submit" appearance="primary" disabled={busy}>
        {children}
      </Button>
      {spinner && busy ? <Spinner size="tiny" label="Saving…" /> : null}
    </div>
  );
}

/** A restriction that clashes with a recorded reasonable adjustment needs the decider's explicit confirmation. */
export function AdjustmentConflicts({ conflicts, seen, onSeen }: { conflicts: string[]; seen: boolean; onSeen(v: boolean): void }) {
  if (!conflicts.length) return null;
  return (
    <div role="alert">
      <Note intent="warning" title="Check against the recorded reasonable adjustments">
        <ul>
          {conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Note>
      <Checkbox checked={seen} onChange={(_, x) => onSeen(!!x.checked)} label="I have considered the clash with the reasonable adjustment and the restriction is still needed" />
    </div>
  );
}

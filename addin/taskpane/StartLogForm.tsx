// Starting a contact log for a sender the register does not know: the officer confirms the name, chooses the policy it
// comes under (by the organisation's name) and the service area, and the open mail becomes the log's first contact.
import { Button, Field, Input, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PRESETS, getPreset } from "../../shared/presets/registry";
import { errorWords } from "../components/ErrorNotice";
import { ErrorSummary, type FormProblem } from "../components/ErrorSummary";
import type { ReadItem } from "../office/types";
import { startLogWithMail } from "../pane-data/register";
import type { PaneServices } from "../pane-data/services";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  line: { margin: 0, overflowWrap: "anywhere" },
  // A native select is as wide as its longest option (an organisation's full name): let it shrink to the pane.
  fill: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

export interface StartLogProps {
  services: PaneServices;
  item: ReadItem;
  me: string;
  sender: { name: string; address: string };
  onDone(): Promise<void>;
  onCancel(): void;
}

export default function StartLogForm({ services, item, me, sender, onDone, onCancel }: StartLogProps) {
  const styles = useStyles();
  const [name, setName] = useState(sender.name || "");
  const [policyId, setPolicyId] = useState(getPreset(services.defaultPolicy) ? services.defaultPolicy : (PRESETS[0]?.id ?? ""));
  const [serviceArea, setServiceArea] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      const text = "Give the sender's name as it should appear on the register.";
      setInvalid(text);
      setProblems([{ fieldId: "upc-start-name", text }]);
      return;
    }
    setInvalid(null);
    setProblems([]);
    setBusy(true);
    setError(null);
    try {
      await startLogWithMail(services, item, me, { name, address: sender.address, policyId, serviceArea });
      await onDone();
    } catch (err) {
      setError(err);
      // The log may have started before the mail failed to log: the card then shows it.
      await onDone().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} aria-label="Start a contact log" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary problems={problems} heading="h3" />
      <p className={styles.line}>
        {sender.address} goes on the register as observed: no restriction, and this e-mail is logged as the first contact.
      </p>
      <Field label="Name" required validationMessage={invalid ?? undefined} validationState={invalid ? "error" : "none"}>
        <Input id="upc-start-name" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      {PRESETS.length > 1 ? (
        <Field label="Policy it comes under" required>
          <Select className={styles.fill} select={{ className: styles.select }} value={policyId} onChange={(_, d) => setPolicyId(d.value)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.organisation}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Service area" hint="The team the contact is with, for example Council Tax.">
        <Input value={serviceArea} onChange={(_, d) => setServiceArea(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Start the log and log this e-mail
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
      {error ? (
        <p role="alert" className={styles.line}>
          {errorWords(error)}
        </p>
      ) : null}
    </form>
  );
}

// The new-message windows the add-in asked Outlook to open (Send to SPOC), shown here since the harness has none.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { show } from "./messages";
import type { CapturedForm } from "./stand-in";
import { useHarnessStyles } from "./styles";

export function CapturedForms({ forms }: { forms: CapturedForm[] }) {
  const styles = useHarnessStyles();
  return (
    <section className={styles.forms} aria-labelledby="forms-heading">
      <h2 id="forms-heading" className={styles.h2}>
        New messages opened by the add-in
      </h2>
      {forms.length === 0 ? <p>None yet. “Send to SPOC” opens one here, as Outlook would open a new message window.</p> : null}
      {forms.map((f) => (
        <MessageBar key={f.at + f.subject} intent="info" layout="multiline" data-captured-form={f.kind}>
          <MessageBarBody>
            <div>To: {f.to.map(show).join("; ")}</div>
            <div>Subject: {f.subject}</div>
            {f.attachment ? <div>Attached: {f.attachment}</div> : null}
            <div>{f.body}</div>
          </MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

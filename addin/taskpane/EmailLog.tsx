// "Log this e-mail": one click, stored once however often it is clicked, with everyone the mail was sent to.
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ScreeningOutcome } from "../../shared/domain/vocab";
import type { CustomerCard } from "../../graph/lookup/card";
import { errorWords } from "../components/ErrorNotice";
import type { ReadItem } from "../office/types";
import { logEmail } from "../pane-data/actions";
import type { PaneServices } from "../pane-data/services";
import type { CardView } from "../pane-data/view";
import { ScreeningField } from "./ScreeningField";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  p: { margin: 0, overflowWrap: "anywhere" },
  breach: { margin: 0, color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export function EmailLog({ services, card, view, item, me, onLogged }: { services: PaneServices; card: CustomerCard; view: CardView; item: ReadItem; me: string; onLogged: () => void }) {
  const styles = useStyles();
  const [screening, setScreening] = useState<ScreeningOutcome | "">("");
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: unknown; invalid?: string }>({ busy: false });
  const log = async () => {
    if (view.filedWithoutReply && !screening) {
      setState({ busy: false, invalid: "Choose the screening outcome before logging: this customer's mail is filed without reply." });
      return;
    }
    setState({ busy: true });
    try {
      const { created, contact } = await logEmail(services.site, card, item, me, view.emailCheck, (screening || "NotScreened") as ScreeningOutcome);
      const who = contact.recipients.length ? ` Sent to ${contact.recipients.length} ${contact.recipients.length === 1 ? "address" : "addresses"}.` : "";
      setState({ busy: false, done: created ? `This e-mail is logged.${who}` : `This e-mail was already in the log; it is stored once.${who}` });
      onLogged();
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  // Once the mail is in the log, only that is said: no breach warning about logging it, no button to log it again.
  const logged = state.done ?? (view.alreadyLogged ? "This e-mail is in the log." : null);
  if (logged) {
    return (
      <div className={styles.box}>
        <p className={styles.p} role="status">
          {logged}
        </p>
      </div>
    );
  }
  return (
    <div className={styles.box}>
      {view.emailCheck.breaches.length ? (
        <p className={styles.breach}>Logging it records a breach: {view.emailCheck.breaches.map((b) => b.message).join("; ")}.</p>
      ) : null}
      {view.filedWithoutReply ? (
        <ScreeningField value={screening} onChange={setScreening} invalid={state.invalid} />
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" onClick={log} disabled={state.busy}>
          Log this e-mail
        </Button>
        {state.busy ? <Spinner size="tiny" label="Logging…" /> : null}
      </div>
      {state.error ? (
        <p className={styles.breach} role="alert">
          Not logged: {errorWords(state.error)}
        </p>
      ) : null}
    </div>
  );
}

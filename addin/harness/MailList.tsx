// The demo user's inbox: one button per mail; choosing one is Outlook selecting it for a pinned pane.
import { Button, Spinner } from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorNotice } from "../components/ErrorNotice";
import type { GraphMessage } from "./messages";
import { useHarnessStyles } from "./styles";

export function MailList({ user, inbox, selected, onSelect }: { user: string; inbox: UseQueryResult<GraphMessage[]>; selected: string | null; onSelect(id: string): void }) {
  const styles = useHarnessStyles();
  return (
    <nav className={styles.panel} aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" className={styles.h2}>
        Inbox of {user}
      </h2>
      {inbox.isPending ? <Spinner size="tiny" label="Loading the inbox…" /> : null}
      {inbox.isError ? <ErrorNotice title="Could not read the inbox." error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.isSuccess && inbox.data.length === 0 ? <p>No mail in this inbox.</p> : null}
      {inbox.isSuccess ? (
        <ul className={styles.list}>
          {inbox.data.map((m) => (
            <li key={m.id}>
              <Button
                className={styles.msg}
                appearance={m.id === selected ? "primary" : "subtle"}
                aria-current={m.id === selected ? "true" : undefined}
                onClick={() => onSelect(m.id)}
                data-message-id={m.id}
              >
                <span className={styles.from}>{m.from?.emailAddress?.name || m.from?.emailAddress?.address || "(no sender)"}</span>
                <span className={styles.subject}>{m.subject || "(no subject)"}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

// The selected mail as Outlook's reading pane shows it: the add-in's info bars, the headers, categories and the text.
import { Badge, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { messageText } from "../../graph/mail/harness-reads";
import type { Graph } from "../../graph/client/factory";
import { ErrorNotice } from "../components/ErrorNotice";
import { ukDateTime } from "../components/format";
import type { InfoBarKind } from "../office/types";
import { address, addresses, show, type GraphMessage } from "./messages";
import { harnessKeys } from "./query-keys";
import { useHarnessStyles } from "./styles";

export type InfoBars = Record<string, { kind: InfoBarKind; text: string }>;

export function MailView({ graph, user, mail, bars }: { graph: Graph; user: string; mail: GraphMessage | null; bars: InfoBars }) {
  const styles = useHarnessStyles();
  if (!mail) {
    return (
      <h2 id="mail-heading" className={styles.h2}>
        No mail selected
      </h2>
    );
  }
  return (
    <article aria-labelledby="mail-heading">
      {Object.entries(bars).map(([key, bar]) => (
        <MessageBar key={key} intent={bar.kind === "error" ? "error" : "info"} layout="multiline" data-info-bar={key}>
          <MessageBarBody>{bar.text}</MessageBarBody>
        </MessageBar>
      ))}
      <h2 id="mail-heading" className={styles.h2}>
        {mail.subject || "(no subject)"}
      </h2>
      <dl className={styles.headers}>
        <dt>From</dt>
        <dd className={styles.dd}>{show(address(mail.from))}</dd>
        <dt>To</dt>
        <dd className={styles.dd}>{addresses(mail.toRecipients).map(show).join("; ")}</dd>
        {mail.ccRecipients?.length ? (
          <>
            <dt>Cc</dt>
            <dd className={styles.dd}>{addresses(mail.ccRecipients).map(show).join("; ")}</dd>
          </>
        ) : null}
        <dt>Received</dt>
        <dd className={styles.dd}>{ukDateTime(mail.receivedDateTime)}</dd>
        {mail.categories?.length ? (
          <>
            <dt>Categories</dt>
            <dd className={styles.dd}>
              <span className={styles.chips}>
                {mail.categories.map((c) => (
                  <Badge key={c} appearance="outline">
                    {c}
                  </Badge>
                ))}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      <MailText graph={graph} user={user} messageId={mail.id} />
    </article>
  );
}

function MailText({ graph, user, messageId }: { graph: Graph; user: string; messageId: string }) {
  const styles = useHarnessStyles();
  const body = useQuery({ queryKey: harnessKeys.body(user, messageId), queryFn: () => messageText(graph, user, messageId) });
  if (body.isPending) return <Spinner size="tiny" label="Loading the mail…" />;
  if (body.isError) return <ErrorNotice title="Could not read this mail." error={body.error} onRetry={() => void body.refetch()} />;
  return <pre className={styles.text}>{body.data}</pre>;
}

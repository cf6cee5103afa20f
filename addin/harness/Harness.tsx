// The browser harness: a demo user's inbox from the emulator, the selected mail with the add-in's info bar, and the
// real task pane beside it, driven by an Office.js stand-in backed by that message.
import { FluentProvider } from "@fluentui/react-components";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { inboxMessages } from "../../graph/mail/harness-reads";
import type { Graph } from "../../graph/client/factory";
import { makeQueryClient } from "../components/query-client";
import { fluentTheme } from "../components/theme";
import type { HostTheme } from "../office/types";
import { CapturedForms } from "./CapturedForms";
import { Controls } from "./Controls";
import { MailList } from "./MailList";
import { MailView } from "./MailView";
import { SELECT, type GraphMessage } from "./messages";
import { PaneFrame } from "./PaneFrame";
import { harnessKeys } from "./query-keys";
import { useHarnessStyles } from "./styles";
import { useStandIn } from "./useStandIn";

export interface HarnessProps {
  graph: Graph;
  user: string;
  initialMessage: string | null;
  initialTheme: HostTheme;
}

export function Harness(props: HarnessProps) {
  const [theme, setTheme] = useState<HostTheme>(props.initialTheme);
  const [queries] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queries}>
      <FluentProvider theme={fluentTheme(theme)}>
        <HarnessPage {...props} theme={theme} setTheme={setTheme} />
      </FluentProvider>
    </QueryClientProvider>
  );
}

function HarnessPage({ graph, user, initialMessage, theme, setTheme }: HarnessProps & { theme: HostTheme; setTheme: (t: HostTheme) => void }) {
  const styles = useHarnessStyles();
  const inbox = useQuery({ queryKey: harnessKeys.inbox(user), queryFn: () => inboxMessages<GraphMessage>(graph, user, SELECT).then((r) => r.value) });
  const [chosen, setChosen] = useState<string | null>(initialMessage);
  // The mail asked for, while it is in the inbox; else the newest, as Outlook opens on its first mail.
  const mails = inbox.data;
  const selected = mails ? (mails.find((m) => m.id === chosen) ?? mails[0] ?? null) : null;
  const selectedId = mails ? (selected?.id ?? null) : chosen;
  const frame = useRef<HTMLIFrameElement>(null);
  const { bars, forms } = useStandIn(frame, { user, theme, selected, selectedId, select: setChosen });

  return (
    <div className={styles.page}>
      <Controls graph={graph} user={user} theme={theme} setTheme={setTheme} />
      <div className={styles.body}>
        <MailList user={user} inbox={inbox} selected={selectedId} onSelect={setChosen} />
        <main className={styles.panel} aria-labelledby="mail-heading">
          <MailView graph={graph} user={user} mail={selected} bars={bars} />
          <CapturedForms forms={forms} />
        </main>
        <PaneFrame frame={frame} user={user} theme={theme} />
      </div>
    </div>
  );
}

// The task pane: the flag for the open mail, the customer's card and the officer's actions, themed like Outlook.
import { FluentProvider } from "@fluentui/react-components";
import { useEffect, useState, type ComponentType } from "react";
import { fluentTheme } from "../components/theme";
import type { HostTheme, MailHost } from "../office/types";
import type { PaneServices } from "../pane-data/services";
import { PaneFrame, usePaneStyles } from "./PaneFrame";
import type { LivePaneProps } from "./LivePane";
import type { Pane } from "./usePane";

/** The signed-in pane, handed in with the sign-in code (its chunk), so the query library is not in the first JavaScript. */
export type LivePaneComponent = ComponentType<LivePaneProps>;

export function useHostTheme(host: MailHost): HostTheme {
  const [theme, setTheme] = useState<HostTheme>(() => host.theme());
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    host.onThemeChanged(setTheme).then((s) => (cancelled ? s() : (stop = s)), () => undefined);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host]);
  return theme;
}

/** `services` is null while the sign-in code loads: the pane is already on screen, checking the sender. */
export function App({ host, services, LivePane }: { host: MailHost; services: PaneServices | null; LivePane?: LivePaneComponent }) {
  const theme = useHostTheme(host);
  return (
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      {services && LivePane ? <LivePane host={host} services={services} /> : <PaneFrame host={host} pane={BOOTING} services={null} />}
    </FluentProvider>
  );
}

const noop = () => undefined;
/** What the pane shows before it can ask the register: the same "Checking the sender…" as any lookup. */
const BOOTING: Pane = { item: undefined, flag: { state: "loading" }, card: { state: "idle" }, me: { state: "loading" }, reload: noop, retryCard: noop, retryMe: noop, afterWrite: async () => undefined };

/** Shown when the pane is opened neither in Outlook nor in the harness. */
export function NoHost({ reason, theme }: { reason: string; theme: HostTheme }) {
  const styles = usePaneStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <div className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>UPC register</h1>
        </header>
        <main className={styles.main}>
          <p role="alert">{reason}</p>
        </main>
      </div>
    </FluentProvider>
  );
}

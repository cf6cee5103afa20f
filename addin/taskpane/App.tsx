// The task pane: the flag for the open mail, the customer's card and the officer's actions, themed like Outlook.
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { fluentTheme } from "../components/theme";
import type { HostTheme, MailHost } from "../office/types";
import type { PaneServices } from "../pane-data/services";
import { FlagPanel, loadCustomerPanel } from "./FlagPanel";
import { usePane, type Pane } from "./usePane";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  who: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  main: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

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
export function App({ host, services }: { host: MailHost; services: PaneServices | null }) {
  const theme = useHostTheme(host);
  return (
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      {services ? <Pane host={host} services={services} /> : <Frame host={host} pane={BOOTING} services={null} />}
    </FluentProvider>
  );
}

const noop = () => undefined;
/** What the pane shows before it can ask the register: the same "Checking the sender…" as any lookup. */
const BOOTING: Pane = { item: undefined, flag: { state: "loading" }, card: { state: "idle" }, me: { state: "loading" }, reload: noop, retryCard: noop, retryMe: noop, afterWrite: async () => undefined };

function Pane({ host, services }: { host: MailHost; services: PaneServices }) {
  const pane = usePane(host, services);
  useEffect(() => {
    loadCustomerPanel().catch(() => undefined);
  }, []);
  return <Frame host={host} pane={pane} services={services} />;
}

function Frame({ host, pane, services }: { host: MailHost; pane: Pane; services: PaneServices | null }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>UPC register</h1>
        <span className={styles.who}>{host.userAddress()}</span>
      </header>
      <main className={styles.main} aria-labelledby="upc-sender-heading">
        <FlagPanel host={host} services={services} pane={pane} />
      </main>
    </div>
  );
}

/** Shown when the pane is opened neither in Outlook nor in the harness. */
export function NoHost({ reason, theme }: { reason: string; theme: HostTheme }) {
  const styles = useStyles();
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

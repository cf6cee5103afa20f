// The pane's frame: its title, the mailbox it is working in, and the flag panel below.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { MailHost } from "../office/types";
import type { PaneServices } from "../pane-data/services";
import { FlagPanel } from "./FlagPanel";
import type { Pane } from "./usePane";

export const usePaneStyles = makeStyles({
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

export function PaneFrame({ host, pane, services }: { host: MailHost; pane: Pane; services: PaneServices | null }) {
  const styles = usePaneStyles();
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

// The real task pane in a frame beside the mail, opened with the theme of the moment (later changes reach it as events).
import { useState, type RefObject } from "react";
import type { HostTheme } from "../office/types";
import { useHarnessStyles } from "./styles";

/** The harness's own copy of the pane's page: it loads office.js from this server, where the published page loads Microsoft's CDN. */
export const HARNESS_PANE_PAGE = "/harness-pane.html";

export function PaneFrame({ frame, user, theme }: { frame: RefObject<HTMLIFrameElement | null>; user: string; theme: HostTheme }) {
  const styles = useHarnessStyles();
  const [openingTheme] = useState(theme);
  const src = `${HARNESS_PANE_PAGE}?${new URLSearchParams({ user, theme: openingTheme }).toString()}`;
  return (
    <aside className={styles.panel} aria-label="Add-in task pane">
      <iframe ref={frame} className={styles.frame} src={src} title="UPC task pane" />
    </aside>
  );
}

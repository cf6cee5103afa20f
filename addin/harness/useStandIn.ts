// The Office.js stand-in's side of the page: it answers the framed pane for the mail selected at the time of each
// call, tells it when the selection or theme changes, and gives tests a handle to select a mail as a person would.
import { useEffect, useRef, useState, type RefObject } from "react";
import type { HostTheme } from "../office/types";
import type { InfoBars } from "./MailView";
import { toWire, type GraphMessage } from "./messages";
import { listen, type CapturedForm } from "./stand-in";

interface Now {
  user: string;
  theme: HostTheme;
  /** The mail the pane is told about: null until the inbox has loaded. */
  selected: GraphMessage | null;
  /** The selection as the address bar names it: the mail asked for, even before the inbox has loaded. */
  selectedId: string | null;
  select(id: string): void;
}

export function useStandIn(frame: RefObject<HTMLIFrameElement | null>, now: Now) {
  const [bars, setBars] = useState<Record<string, InfoBars>>({});
  const [forms, setForms] = useState<CapturedForm[]>([]);
  // The pane's calls come at any time: they read the page as it is then, not as it was when the listener was made.
  const latest = useRef(now);
  useEffect(() => {
    latest.current = now;
  });

  const { user, theme } = now;
  const { selectedId } = now;
  useEffect(
    () =>
      listen(window, () => frame.current?.contentWindow ?? null, {
        user: () => user,
        theme: () => latest.current.theme,
        item: () => {
          const m = latest.current.selected;
          return m ? toWire(m) : null;
        },
        setInfoBar: (itemId, key, bar) =>
          setBars((all) => {
            const mine = { ...(all[itemId] ?? {}) };
            if (bar) mine[key] = bar;
            else delete mine[key];
            return { ...all, [itemId]: mine };
          }),
        captureForm: (form) => setForms((f) => [form, ...f]),
      }),
    [frame, user],
  );

  // Selecting a mail is Outlook's ItemChanged for a pinned pane; the URL follows so a state can be linked to.
  const first = useRef(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (selectedId) url.searchParams.set("message", selectedId);
    else url.searchParams.delete("message");
    window.history.replaceState(null, "", url);
    if (first.current) {
      first.current = false;
      return;
    }
    frame.current?.contentWindow?.postMessage({ channel: "upc-host-event", event: "itemChanged" }, window.location.origin);
  }, [frame, selectedId]);

  useEffect(() => {
    frame.current?.contentWindow?.postMessage({ channel: "upc-host-event", event: "theme", theme }, window.location.origin);
  }, [frame, theme]);

  // Tests and the benchmark drive the harness the way a person would, through this small handle.
  useEffect(() => {
    (window as unknown as { __harness?: unknown }).__harness = { select: (id: string) => latest.current.select(id), selected: () => latest.current.selectedId };
  }, []);

  const shown = now.selected?.id;
  return { bars: shown ? (bars[shown] ?? {}) : {}, forms };
}

// The pane once signed in: its queries drive the frame. Fetched with the sign-in code (the same chunk), so the
// query library is not part of the pane's first JavaScript.
import { useEffect } from "react";
import type { MailHost } from "../office/types";
import type { PaneServices } from "../pane-data/services";
import { loadCustomerPanel } from "./FlagPanel";
import { PaneFrame } from "./PaneFrame";
import { usePane } from "./usePane";

export interface LivePaneProps {
  host: MailHost;
  services: PaneServices;
}

export default function LivePane({ host, services }: LivePaneProps) {
  const pane = usePane(host, services);
  useEffect(() => {
    loadCustomerPanel().catch(() => undefined);
  }, []);
  return <PaneFrame host={host} pane={pane} services={services} />;
}

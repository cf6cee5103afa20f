// The pane's state: the open mail, its flag (one request at most), the customer's card, and who the officer is.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Me } from "../../graph/directory/roles";
import { loadCustomerCard, type CustomerCard } from "../../graph/lookup/card";
import type { MailHost, ReadItem } from "../office/types";
import { flagFor, flagInfoBar, type Flag } from "../pane-data/flag";
import type { PaneServices } from "../pane-data/services";

export type Load<T> = { state: "idle" } | { state: "loading" } | { state: "ready"; value: T } | { state: "error"; error: unknown };

export interface PaneState {
  /** undefined until the host has been asked; null when no mail is selected. */
  item: ReadItem | null | undefined;
  flag: Load<Flag>;
  card: Load<CustomerCard>;
  me: Load<Me>;
}

export const INFO_BAR_KEY = "upc-flag";

export interface Pane extends PaneState {
  /** Reads the selected mail again and looks its sender up (item change, Retry). */
  reload(): void;
  retryCard(): void;
  retryMe(): void;
  /** After a write: the register changed, so the sender is looked up afresh and the card reloaded. */
  afterWrite(opts?: { forgetSenders?: boolean }): Promise<void>;
}

const IDLE = { state: "idle" } as const;
const LOADING = { state: "loading" } as const;

export function usePane(host: MailHost, services: PaneServices): Pane {
  const [state, setState] = useState<PaneState>({ item: undefined, flag: LOADING, card: IDLE, me: LOADING });
  const generation = useRef(0);

  // The card panel refines the bar with what the restrictions mean once the card has loaded.
  const showBar = useCallback(
    (flag: Flag | null, failed: boolean) => {
      const run = async () => {
        if (failed) return host.showInfoBar(INFO_BAR_KEY, "error", "UPC could not check this sender against the register. Open the UPC pane to retry.");
        const text = flag ? flagInfoBar(flag) : null;
        if (text) return host.showInfoBar(INFO_BAR_KEY, "informational", text);
        return host.clearInfoBar(INFO_BAR_KEY);
      };
      // The info bar is a courtesy: the pane itself already says everything, so a refusal here changes nothing.
      run().catch(() => undefined);
    },
    [host],
  );

  const loadCard = useCallback(
    async (gen: number, flag: Flag, quiet = false) => {
      if (flag.kind !== "flagged") return;
      if (!quiet) setState((s) => ({ ...s, card: LOADING }));
      try {
        const card = await loadCustomerCard(services.site, flag.primary.customerId);
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, card: { state: "ready", value: card } }));
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, card: { state: "error", error } }));
      }
    },
    [services],
  );

  const reload = useCallback(() => {
    const gen = ++generation.current;
    setState((s) => ({ ...s, flag: LOADING, card: IDLE }));
    void (async () => {
      let item: ReadItem | null;
      try {
        item = await host.currentItem();
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, item: null, flag: { state: "error", error } }));
        return;
      }
      if (gen !== generation.current) return;
      if (!item) {
        setState((s) => ({ ...s, item: null, flag: IDLE }));
        return;
      }
      setState((s) => ({ ...s, item }));
      try {
        const flag = await flagFor(services.lookups, item);
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, flag: { state: "ready", value: flag } }));
        showBar(flag, false);
        await loadCard(gen, flag);
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, flag: { state: "error", error } }));
        showBar(null, true);
      }
    })();
  }, [host, services, loadCard, showBar]);

  const retryMe = useCallback(() => {
    setState((s) => ({ ...s, me: LOADING }));
    services.me().then(
      (me) => setState((s) => ({ ...s, me: { state: "ready", value: me } })),
      (error) => setState((s) => ({ ...s, me: { state: "error", error } })),
    );
  }, [services]);

  const retryCard = useCallback(() => {
    const flag = state.flag.state === "ready" ? state.flag.value : null;
    if (flag) void loadCard(generation.current, flag);
  }, [state.flag, loadCard]);

  const afterWrite = useCallback(
    async (opts: { forgetSenders?: boolean } = {}) => {
      const gen = generation.current;
      const item = state.item;
      let flag = state.flag.state === "ready" ? state.flag.value : null;
      if (opts.forgetSenders && item) {
        // The register changed under this sender: look it up afresh, keeping what is on screen until the answer comes.
        services.lookups.forget();
        try {
          flag = await flagFor(services.lookups, item);
        } catch (error) {
          if (gen === generation.current) setState((s) => ({ ...s, flag: { state: "error", error } }));
          return;
        }
        if (gen !== generation.current) return;
        const same = state.flag.state === "ready" && state.flag.value.kind === "flagged" && flag.kind === "flagged" && state.flag.value.primary.customerId === flag.primary.customerId;
        setState((s) => ({ ...s, flag: { state: "ready", value: flag! }, card: same ? s.card : IDLE }));
        showBar(flag, false);
        await loadCard(gen, flag, same);
        return;
      }
      if (flag) await loadCard(gen, flag, true);
    },
    [services, state.item, state.flag, loadCard, showBar],
  );

  useEffect(() => {
    reload();
    retryMe();
    let stop: (() => void) | undefined;
    let cancelled = false;
    host.onItemChanged(() => reload()).then(
      (s) => (cancelled ? s() : (stop = s)),
      () => undefined,
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, reload, retryMe]);

  return { ...state, reload, retryCard, retryMe, afterWrite };
}

// The pane's state as queries: the open mail, its flag (one request at most), the customer's card, and who the officer is.
import { skipToken, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { Me } from "../../graph/directory/roles";
import { loadCustomerCard, type CustomerCard } from "../../graph/lookup/card";
import type { MailHost, ReadItem } from "../office/types";
import { flagFor, flagInfoBar, type Flag } from "../pane-data/flag";
import type { PaneServices } from "../pane-data/services";
import { paneKeys } from "./query-keys";

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

function loadOf<T>(q: UseQueryResult<T>): Load<T> {
  if (q.status === "error") return { state: "error", error: q.error };
  if (q.status === "success") return { state: "ready", value: q.data };
  return LOADING;
}

export function usePane(host: MailHost, services: PaneServices): Pane {
  const queries = useQueryClient();

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

  // The mail Outlook has open, as last read: set as soon as it is read, cleared the moment the host says it changed.
  const onScreen = useRef<string | null>(null);
  const flagOf = useCallback(
    (item: ReadItem) => ({
      queryKey: paneKeys.flag(item),
      queryFn: async () => {
        // The bar belongs to the mail on screen: an answer for a mail already left behind does not touch it.
        const current = () => onScreen.current === item.restId;
        try {
          const flag = await flagFor(services.lookups, item);
          if (current()) showBar(flag, false);
          return flag;
        } catch (error) {
          if (current()) showBar(null, true);
          throw error;
        }
      },
    }),
    [services, showBar],
  );

  const itemQuery = useQuery({
    queryKey: paneKeys.item(),
    queryFn: async () => {
      const item = await host.currentItem();
      onScreen.current = item?.restId ?? null;
      // The sender is looked up the moment the mail is known, not a render later; the flag's query joins this fetch.
      if (item) void queries.prefetchQuery(flagOf(item));
      return item;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const item = itemQuery.status === "error" ? null : itemQuery.data;

  const flagQuery = useQuery<Flag, Error, Flag, readonly unknown[]>(item ? flagOf(item) : { queryKey: paneKeys.flags(), queryFn: skipToken });
  let flag: Load<Flag>;
  if (itemQuery.status === "error") flag = { state: "error", error: itemQuery.error };
  else if (item === undefined) flag = LOADING;
  else if (item === null) flag = IDLE;
  else flag = loadOf(flagQuery);

  const flagged = flag.state === "ready" && flag.value.kind === "flagged" ? flag.value : null;
  const cardQuery = useQuery({
    queryKey: paneKeys.card(flagged?.primary.customerId ?? ""),
    queryFn: () => loadCustomerCard(services.site, flagged!.primary.customerId),
    enabled: !!flagged,
    // Asked again for every mail, as the flagging service may have logged this one meanwhile; shown from memory
    // while it is.
    staleTime: 0,
  });
  const card: Load<CustomerCard> = flagged ? loadOf(cardQuery) : IDLE;

  const meQuery = useQuery({ queryKey: paneKeys.me(), queryFn: () => services.me(), staleTime: Infinity });

  // The mail is read again, and its sender asked about unless a fresh answer is already known (a failed check never is).
  const reload = useCallback(() => {
    onScreen.current = null;
    void queries.resetQueries({ queryKey: paneKeys.item() });
  }, [queries]);
  const { refetch: refetchCard } = cardQuery;
  const retryCard = useCallback(() => void refetchCard(), [refetchCard]);
  const { refetch: refetchMe } = meQuery;
  const retryMe = useCallback(() => void refetchMe(), [refetchMe]);

  const afterWrite = useCallback(
    async (opts: { forgetSenders?: boolean } = {}) => {
      // A fetch already under way (a new customer's card) is joined, never started twice.
      const once = { cancelRefetch: false };
      if (opts.forgetSenders) {
        // The register changed under this sender: look it up afresh, keeping what is on screen until the answer comes.
        services.lookups.forget();
        await queries.invalidateQueries({ queryKey: paneKeys.flags() }, once);
      }
      await queries.invalidateQueries({ queryKey: paneKeys.cards() }, once);
    },
    [services, queries],
  );

  // Outlook's ItemChanged (a pinned pane): the new mail is read and its sender checked.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    host.onItemChanged(reload).then(
      (s) => (cancelled ? s() : (stop = s)),
      () => undefined,
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, reload]);

  return { item, flag, card, me: loadOf(meQuery), reload, retryCard, retryMe, afterWrite };
}

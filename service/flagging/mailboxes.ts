// Each watched mailbox's state, kept in its UpcServiceState row so a restart, or another instance, carries on.
import { DataError } from "../../graph/client/errors";
import { persistently } from "../../graph/repos/items";
import { ensureCategories, type CategoryDef, type MailboxRef } from "../../graph/mail";
import { ensureMailboxRow, getMailboxRow, readMailboxRows, saveMailboxRow, type MailboxRow } from "../../graph/repos/service-state";
import { errorFields } from "../log";
import { eachLimit } from "./concurrency";
import type { FlaggingContext } from "./context";
import type { FlaggedStatus } from "./flag-index";

/** The master categories the service keeps in every watched mailbox: one per flagged status, in distinct colours. */
export const FLAG_CATEGORIES: Record<FlaggedStatus, CategoryDef> = {
  Restricted: { displayName: "UPC Restricted", color: "preset0" },
  Monitoring: { displayName: "UPC Monitoring", color: "preset1" },
};

export interface MailboxState {
  upn: string;
  userId: string;
  row: MailboxRow | null;
  subscriptionId: string | null;
  expiresAt: string | null;
  /** Where this instance's next read starts, and what is saved in the register. */
  deltaLink: string | null;
  savedDeltaLink: string | null;
  lastReceived: string | null;
  clientStateHash: string | null;
  /** Bytes taken by the owner's own rules (counted against the same quota). */
  otherRulesBytes: number;
  rulesVersion: number;
  persistTimer: NodeJS.Timeout | null;
}

export function rowData(m: MailboxState) {
  return { clientStateHash: m.clientStateHash ?? undefined, lastReceived: m.lastReceived ?? undefined };
}

export class MailboxUpkeep {
  readonly byUpn = new Map<string, MailboxState>();
  readonly bySubscription = new Map<string, MailboxState>();
  private lastRowRefresh = 0;

  constructor(private readonly ctx: FlaggingContext) {}

  all(): MailboxState[] {
    return [...this.byUpn.values()];
  }

  async load(found: MailboxRef[]): Promise<void> {
    const rows = await persistently(() => readMailboxRows(this.ctx.site));
    for (const m of found) {
      const row = rows.get(m.upn) ?? null;
      const state: MailboxState = {
        upn: m.upn,
        userId: m.userId,
        row,
        subscriptionId: row?.subscriptionId ?? null,
        expiresAt: row?.expiresAt ?? null,
        deltaLink: row?.deltaLink ?? null,
        savedDeltaLink: row?.deltaLink ?? null,
        lastReceived: row?.data.lastReceived ?? null,
        clientStateHash: row?.data.clientStateHash ?? null,
        otherRulesBytes: 0,
        rulesVersion: -1,
        persistTimer: null,
      };
      this.byUpn.set(m.upn, state);
      if (state.subscriptionId) this.bySubscription.set(state.subscriptionId, state);
    }
    await eachLimit(this.all().filter((m) => !m.row), 4, async (m) => {
      m.row = await ensureMailboxRow(this.ctx.site, m.upn);
      this.adoptRow(m, m.row);
    });
  }

  adoptRow(m: MailboxState, row: MailboxRow): void {
    m.row = row;
    if (row.subscriptionId && row.subscriptionId !== m.subscriptionId) {
      if (m.subscriptionId) this.bySubscription.delete(m.subscriptionId);
      m.subscriptionId = row.subscriptionId;
      m.expiresAt = row.expiresAt;
      this.bySubscription.set(row.subscriptionId, m);
    }
    if (row.data.clientStateHash) m.clientStateHash = row.data.clientStateHash;
    if (!m.deltaLink && row.deltaLink) {
      m.deltaLink = row.deltaLink;
      m.savedDeltaLink = row.deltaLink;
    }
  }

  /** Another instance may have made a subscription we have not heard of: re-read the rows, at most every 30 s. */
  refreshRowsSoon(onAdopted: (m: MailboxState) => void = () => undefined): void {
    if (!this.ctx.started || Date.now() - this.lastRowRefresh < 30_000) return;
    this.lastRowRefresh = Date.now();
    this.ctx.track(
      (async () => {
        const rows = await readMailboxRows(this.ctx.site);
        for (const m of this.byUpn.values()) {
          const row = rows.get(m.upn);
          if (!row) continue;
          const before = m.subscriptionId;
          this.adoptRow(m, row);
          // The notification that led here was for this subscription: its mail is read now, not at the next sweep.
          if (m.subscriptionId !== before) onAdopted(m);
        }
      })(),
    );
  }

  async ensureMasterCategories(): Promise<void> {
    await eachLimit(this.all(), 4, async (m) => {
      try {
        await persistently(() => ensureCategories(this.ctx.graph, m.upn, Object.values(FLAG_CATEGORIES)));
      } catch (e) {
        this.ctx.log.error("categories.failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
  }

  // Reading positions are saved ETag-guarded: several instances may run.

  schedulePersist(m: MailboxState): void {
    if (m.deltaLink === m.savedDeltaLink || m.persistTimer || this.ctx.closed) return;
    m.persistTimer = setTimeout(() => {
      m.persistTimer = null;
      this.ctx.track(this.persist(m));
    }, this.ctx.config.persistMs);
    m.persistTimer.unref?.();
  }

  private async persist(m: MailboxState): Promise<void> {
    if (!m.row || m.deltaLink === m.savedDeltaLink) return;
    const link = m.deltaLink;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        m.row.etag = await saveMailboxRow(this.ctx.site, m.row.id, m.row.etag, { deltaLink: link, data: rowData(m) });
        m.savedDeltaLink = link;
        return;
      } catch (e) {
        if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
        // Another instance wrote the row: take its subscription news, keep our own reading position, write again.
        this.adoptRow(m, await persistently(() => getMailboxRow(this.ctx.site, m.row!.id)));
      }
    }
  }

  /** Saves every mailbox's reading position now. */
  async flush(): Promise<void> {
    await eachLimit(this.all(), 4, async (m) => {
      if (m.persistTimer) clearTimeout(m.persistTimer);
      m.persistTimer = null;
      try {
        await this.persist(m);
      } catch (e) {
        this.ctx.log.error("state.save-failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
  }
}

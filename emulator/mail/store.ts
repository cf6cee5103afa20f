// Mailboxes and subscriptions in memory with their indexes, the per-mailbox change counter delta relies on, and persistence.
import type { DirectoryUser, EmulatorContext, Persistable } from "../core/types";
import { newFolderId, newGuid, newImmutableId, newMessageId, stableGuid } from "./ids";
import type {
  ChangeType,
  MailState,
  OutlookCategory,
  StoredFolder,
  StoredMailbox,
  StoredMessage,
  StoredRule,
  StoredSubscription,
  Tombstone,
} from "./model";

export const MODULE_NAME = "mail";

/** Well-known folders every Exchange mailbox has, in the order Outlook lists them. */
const WELL_KNOWN: { name: string; displayName: string; hidden?: boolean }[] = [
  { name: "inbox", displayName: "Inbox" },
  { name: "drafts", displayName: "Drafts" },
  { name: "sentitems", displayName: "Sent Items" },
  { name: "deleteditems", displayName: "Deleted Items" },
  { name: "junkemail", displayName: "Junk Email" },
  { name: "archive", displayName: "Archive" },
  { name: "outbox", displayName: "Outbox" },
];

/** The six categories a new Exchange Online mailbox starts with. */
const DEFAULT_CATEGORIES: [string, string][] = [
  ["Red category", "preset0"],
  ["Orange category", "preset1"],
  ["Yellow category", "preset3"],
  ["Green category", "preset4"],
  ["Blue category", "preset7"],
  ["Purple category", "preset8"],
];

/** Tombstones kept per mailbox; a delta token older than the oldest one dropped must resync. */
const MAX_TOMBSTONES = 20_000;

export type MessageListener = (mb: Mailbox, msg: StoredMessage, change: ChangeType, folderId: string) => void;

/** One mailbox with the indexes the routes need; serialised back to StoredMailbox for persistence. */
export class Mailbox {
  /** Messages by their current (regular) id: every message once. */
  readonly byId = new Map<string, StoredMessage>();
  private readonly byImmutableId = new Map<string, StoredMessage>();
  private readonly byInternetId = new Map<string, Set<StoredMessage>>();
  readonly folders = new Map<string, StoredFolder>();
  private readonly wellKnown = new Map<string, StoredFolder>();
  tombstones: Tombstone[];
  tombstoneFloor: number;
  categories: OutlookCategory[];
  rules: StoredRule[];
  /** Bumped whenever rules change so the compiled form can be cached. */
  rulesVersion = 0;
  seq: number;
  readonly rootId: string;

  constructor(
    readonly userId: string,
    public upn: string,
    readonly epoch: string,
    data?: StoredMailbox & { tombstoneFloor?: number; rootId?: string },
  ) {
    this.seq = data?.seq ?? 0;
    this.tombstones = data?.tombstones ?? [];
    this.tombstoneFloor = data?.tombstoneFloor ?? 0;
    this.categories = data?.categories ?? DEFAULT_CATEGORIES.map(([displayName, color]) => ({ id: newGuid(), displayName, color }));
    this.rules = data?.rules ?? [];
    this.rootId = data?.rootId ?? newFolderId();
    const folders = data?.folders ?? WELL_KNOWN.map((w) => ({
      id: newFolderId(),
      displayName: w.displayName,
      parentFolderId: this.rootId,
      wellKnownName: w.name,
      isHidden: w.hidden ?? false,
    }));
    for (const f of folders) this.addFolder(f);
    for (const m of data?.messages ?? []) {
      // Saved before immutable ids were kept: each gets one now.
      m.iid ??= newImmutableId();
      this.index(m);
    }
  }

  /** A message by its regular id or its immutable id: Graph takes either in a request. */
  find(id: string): StoredMessage | undefined {
    return this.byId.get(id) ?? this.byImmutableId.get(id);
  }

  addFolder(f: StoredFolder): void {
    this.folders.set(f.id, f);
    if (f.wellKnownName) this.wellKnown.set(f.wellKnownName, f);
  }

  /** A folder by id or well-known name (case-insensitive, as Graph accepts "Inbox" and "inbox"). */
  folder(idOrName: string): StoredFolder | undefined {
    return this.folders.get(idOrName) ?? this.wellKnown.get(idOrName.toLowerCase()) ?? (idOrName.toLowerCase() === "msgfolderroot" ? this.rootFolder() : undefined);
  }

  rootFolder(): StoredFolder {
    return { id: this.rootId, displayName: "Top of Information Store", parentFolderId: "", wellKnownName: "msgfolderroot", isHidden: false };
  }

  wellKnownFolder(name: string): StoredFolder {
    const f = this.wellKnown.get(name);
    if (!f) throw new Error(`mailbox lacks well-known folder ${name}`);
    return f;
  }

  private index(m: StoredMessage): void {
    this.byId.set(m.id, m);
    this.byImmutableId.set(m.iid, m);
    const key = m.internetMessageId.toLowerCase();
    let set = this.byInternetId.get(key);
    if (!set) this.byInternetId.set(key, (set = new Set()));
    set.add(m);
  }

  private unindex(m: StoredMessage): void {
    this.byId.delete(m.id);
    this.byImmutableId.delete(m.iid);
    const key = m.internetMessageId.toLowerCase();
    const set = this.byInternetId.get(key);
    set?.delete(m);
    if (set && set.size === 0) this.byInternetId.delete(key);
  }

  byInternetMessageId(id: string): StoredMessage[] {
    return [...(this.byInternetId.get(id.toLowerCase()) ?? [])];
  }

  nextSeq(): number {
    return ++this.seq;
  }

  insert(m: StoredMessage): void {
    m.createdSeq = m.changeSeq = this.nextSeq();
    this.index(m);
  }

  /** Re-keys the internetMessageId index when a draft's id is edited. */
  reindex(m: StoredMessage, previousInternetId: string): void {
    const set = this.byInternetId.get(previousInternetId.toLowerCase());
    set?.delete(m);
    if (set && set.size === 0) this.byInternetId.delete(previousInternetId.toLowerCase());
    this.index(m);
  }

  private bury(id: string, iid: string, folderId: string): void {
    this.tombstones.push({ id, iid, folderId, seq: this.nextSeq() });
    if (this.tombstones.length > MAX_TOMBSTONES) {
      const dropped = this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
      this.tombstoneFloor = dropped[dropped.length - 1].seq;
    }
  }

  remove(m: StoredMessage): void {
    this.unindex(m);
    this.bury(m.id, m.iid, m.folderId);
  }

  /**
   * Moves a message to another folder of the mailbox. Its regular id changes, as an Outlook item's id does when it
   * moves; its immutable id stays (learn.microsoft.com/graph/outlook-immutable-id, "Lifetime of immutable IDs").
   */
  move(m: StoredMessage, folderId: string): void {
    if (m.folderId === folderId) return;
    this.bury(m.id, m.iid, m.folderId);
    this.byId.delete(m.id);
    m.id = newMessageId();
    this.byId.set(m.id, m);
    m.folderId = folderId;
    m.createdSeq = m.changeSeq = this.nextSeq();
  }

  messagesIn(folderId: string | undefined): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const m of this.byId.values()) if (folderId === undefined || m.folderId === folderId) out.push(m);
    return out;
  }

  dump(): StoredMailbox & { tombstoneFloor: number; rootId: string } {
    return {
      userId: this.userId,
      upn: this.upn,
      epoch: this.epoch,
      seq: this.seq,
      rootId: this.rootId,
      folders: [...this.folders.values()],
      messages: [...this.byId.values()],
      tombstones: this.tombstones,
      tombstoneFloor: this.tombstoneFloor,
      categories: this.categories,
      rules: this.rules,
    };
  }
}

export class MailStore implements Persistable {
  readonly name = MODULE_NAME;
  private readonly boxes = new Map<string, Mailbox>();
  readonly subscriptions = new Map<string, StoredSubscription>();
  private readonly subsByUser = new Map<string, Set<StoredSubscription>>();
  /** A fixed tenant id: the emulator is one tenant, and notifications carry it. */
  tenantId = stableGuid("upc-emulator-tenant");
  private readonly listeners: MessageListener[] = [];

  constructor(private readonly ctx: EmulatorContext) {}

  onMessage(l: MessageListener): void {
    this.listeners.push(l);
  }

  /** Records a message change for persistence and tells listeners (notifications). */
  changed(mb: Mailbox, msg: StoredMessage, change: ChangeType, folderId = msg.folderId): void {
    this.ctx.markDirty(MODULE_NAME);
    for (const l of this.listeners) l(mb, msg, change, folderId);
  }

  dirty(): void {
    this.ctx.markDirty(MODULE_NAME);
  }

  /** The mailbox of a directory user, created on first use as Exchange provisions one per licensed user. */
  mailboxOf(user: DirectoryUser): Mailbox {
    let mb = this.boxes.get(user.id);
    if (!mb) {
      mb = new Mailbox(user.id, user.userPrincipalName, newGuid());
      this.boxes.set(user.id, mb);
      this.dirty();
    }
    return mb;
  }

  addSubscription(s: StoredSubscription): void {
    this.indexSubscription(s);
    this.dirty();
  }

  private indexSubscription(s: StoredSubscription): void {
    this.subscriptions.set(s.id, s);
    let set = this.subsByUser.get(s.userId);
    if (!set) this.subsByUser.set(s.userId, (set = new Set()));
    set.add(s);
  }

  removeSubscription(id: string): StoredSubscription | undefined {
    const s = this.subscriptions.get(id);
    if (!s) return undefined;
    this.subscriptions.delete(id);
    this.subsByUser.get(s.userId)?.delete(s);
    this.dirty();
    return s;
  }

  subscriptionsOf(userId: string): Iterable<StoredSubscription> {
    return this.subsByUser.get(userId) ?? [];
  }

  dump(): MailState {
    return {
      version: 1,
      tenantId: this.tenantId,
      mailboxes: [...this.boxes.values()].map((b) => b.dump()),
      subscriptions: [...this.subscriptions.values()],
    };
  }

  load(data: unknown): void {
    this.clear();
    const state = data as Partial<MailState> | undefined;
    if (!state || state.version !== 1) return;
    if (typeof state.tenantId === "string") this.tenantId = state.tenantId;
    for (const b of state.mailboxes ?? []) this.boxes.set(b.userId, new Mailbox(b.userId, b.upn, b.epoch, b));
    for (const s of state.subscriptions ?? []) this.indexSubscription(s);
  }

  clear(): void {
    this.boxes.clear();
    this.subscriptions.clear();
    this.subsByUser.clear();
  }

  allMailboxes(): Iterable<Mailbox> {
    return this.boxes.values();
  }
}

// The register as the flagging service sees it: the rows' delta says which customers changed, the case service's
// watch says from their logs what they are, and only that reaches the flag index.
import { readRegisterDelta, type RegisterList, type RegisterRound } from "../../graph/mail";
import { persistently, type Site } from "../../graph/repos/items";
import type { ProjectedState, Verified } from "../cases/watch";
import type { FlaggedIndex } from "./flag-index";

export type Verifier = (ids: string[], projected: (id: string) => ProjectedState | undefined) => Promise<Map<string, Verified>>;

export class RegisterView {
  private links: Partial<Record<RegisterList, string>> = {};
  private readonly customers = new Map<string, { status: string; projectedSeq: number }>();
  /** The changed customer rows' columns, for this round's check against their logs only; dropped straight after. */
  private roundFields = new Map<string, Record<string, unknown>>();
  /** Identity item id → its address and customer, so a deleted row can be traced to the customer it belonged to. */
  private readonly identities = new Map<string, { value: string; kind: string; customerId: string }>();

  constructor(
    private readonly site: Site,
    private readonly index: FlaggedIndex,
    private readonly verify: Verifier,
  ) {}

  /** One round: read what changed, check those customers against their logs, update the index. True if it changed. */
  async refresh(): Promise<boolean> {
    const round = await persistently(() => readRegisterDelta(this.site, this.links));
    this.links = round.links;
    const affected = this.absorb(round);
    if (!affected.size) return false;
    let verified;
    try {
      verified = await this.verify([...affected], (id) => this.projected(id));
    } finally {
      this.roundFields = new Map();
    }
    let changed = false;
    for (const [id, state] of verified) if (state !== "keep") changed = this.index.set(id, state) || changed;
    return changed;
  }

  private absorb(round: RegisterRound): Set<string> {
    const affected = new Set<string>();
    for (const list of round.restarted) {
      // A full enumeration follows: every customer is checked again, including ones the index knew that are gone.
      if (list === "customers") this.customers.clear();
      else this.identities.clear();
      for (const id of this.index.known()) affected.add(id);
    }
    for (const c of round.changes) {
      if (c.list === "customers") {
        if (c.deleted) this.customers.delete(c.id);
        else {
          this.customers.set(c.id, { status: String(c.fields.Status ?? ""), projectedSeq: Number(c.fields.ProjectedSeq ?? 0) || 0 });
          this.roundFields.set(c.id, c.fields);
        }
        affected.add(c.id);
        continue;
      }
      const old = this.identities.get(c.id);
      if (old) affected.add(old.customerId);
      if (c.deleted) this.identities.delete(c.id);
      else {
        const entry = { value: String(c.fields.Title ?? "").trim().toLowerCase(), kind: String(c.fields.Kind ?? "") || "Email", customerId: String(c.fields.CustomerLookupId ?? "") };
        this.identities.set(c.id, entry);
        if (entry.customerId) affected.add(entry.customerId);
      }
    }
    return affected;
  }

  private projected(id: string): ProjectedState | undefined {
    const c = this.customers.get(id);
    const identities = [...this.identities.values()].filter((i) => i.customerId === id).map((i) => ({ kind: i.kind, value: i.value }));
    if (!c && !identities.length) return undefined;
    return { status: c?.status ?? "", projectedSeq: c?.projectedSeq ?? 0, identities, exists: !!c, fields: this.roundFields.get(id) };
  }
}

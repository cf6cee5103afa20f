// The flagged-identity index: every e-mail address and domain of a Monitoring or Restricted customer, in memory, kept
// fresh by list delta. Matching a sender is a map lookup, so mail from anyone else costs no Graph request at all.
import type { IdentityKind } from "../../shared/domain/vocab";
import type { FlagGroup, RegisterRound } from "../../graph/mail";

/** The statuses whose mail is coloured and logged, most serious first. */
export const FLAGGED_STATUSES = ["Restricted", "Monitoring"] as const;
export type FlaggedStatus = (typeof FLAGGED_STATUSES)[number];

export const isFlagged = (s: string | undefined | null): s is FlaggedStatus => s === "Restricted" || s === "Monitoring";

interface IdentityEntry {
  value: string;
  kind: IdentityKind;
  customerId: string;
  /** The status denormalised on the identity row (UpcIdentities.CustomerStatus). */
  status: string;
}

export interface FlagMatch {
  customerId: string;
  status: FlaggedStatus;
  /** The address or "@domain" that matched. */
  identity: string;
  kind: "Email" | "Domain";
}

/** Lower-cased and trimmed, with mailto: and <…> removed: the form UpcIdentities.Title holds. */
export function cheapNormal(address: string | null | undefined): string | null {
  if (!address) return null;
  let s = address.trim();
  const b = /<([^<>]*)>\s*$/.exec(s);
  if (b) s = b[1];
  s = s.replace(/^mailto:/i, "").trim().toLowerCase();
  return s.includes("@") ? s : null;
}

export class FlaggedIndex {
  private readonly identities = new Map<string, IdentityEntry>();
  private readonly byValue = new Map<string, string>();
  private readonly customerStatus = new Map<string, string>();
  /** Goes up whenever what is flagged may have changed. */
  version = 0;

  /** Applies a round of register delta; a restarted list is forgotten first, as its round is a full enumeration. */
  apply(round: Pick<RegisterRound, "changes" | "restarted">): number {
    let changed = 0;
    for (const list of round.restarted) {
      if (list === "identities") {
        changed += this.identities.size;
        this.identities.clear();
        this.byValue.clear();
      } else {
        changed += this.customerStatus.size;
        this.customerStatus.clear();
      }
    }
    for (const c of round.changes) {
      if (c.list === "customers") {
        const status = c.deleted ? undefined : String(c.fields.Status ?? "");
        if (this.customerStatus.get(c.id) === status) continue;
        if (status === undefined) this.customerStatus.delete(c.id);
        else this.customerStatus.set(c.id, status);
        changed++;
        continue;
      }
      const old = this.identities.get(c.id);
      if (old && this.byValue.get(old.value) === c.id) this.byValue.delete(old.value);
      if (c.deleted) {
        if (old) changed++;
        this.identities.delete(c.id);
        continue;
      }
      const value = String(c.fields.Title ?? "").trim().toLowerCase();
      const entry: IdentityEntry = {
        value,
        kind: (String(c.fields.Kind ?? "") || "Email") as IdentityKind,
        customerId: String(c.fields.CustomerLookupId ?? ""),
        status: String(c.fields.CustomerStatus ?? ""),
      };
      this.identities.set(c.id, entry);
      if (value) this.byValue.set(value, c.id);
      if (!old || old.value !== entry.value || old.kind !== entry.kind || old.customerId !== entry.customerId || old.status !== entry.status) changed++;
    }
    if (changed) this.version++;
    return changed;
  }

  /** The customer's status: the customer row when known (it is the truth), else what the identity row carries. */
  private statusOf(e: IdentityEntry): string {
    return this.customerStatus.get(e.customerId) ?? e.status;
  }

  private flaggedEntry(value: string, kind: "Email" | "Domain"): FlagMatch | null {
    const id = this.byValue.get(value);
    const e = id ? this.identities.get(id) : undefined;
    if (!e || e.kind !== kind || !e.customerId) return null;
    const status = this.statusOf(e);
    return isFlagged(status) ? { customerId: e.customerId, status, identity: value, kind } : null;
  }

  /**
   * Whether a mail's From (or Sender, for mail sent on someone's behalf) is a flagged customer: an exact address
   * first, then the address's whole domain. Null for everyone else, without any request.
   */
  match(from: string | null, sender?: string | null): FlagMatch | null {
    for (const raw of [from, sender]) {
      const a = cheapNormal(raw);
      if (!a) continue;
      const exact = this.flaggedEntry(a, "Email");
      if (exact) return exact;
      const domain = this.flaggedEntry(a.slice(a.lastIndexOf("@")), "Domain");
      if (domain) return domain;
    }
    return null;
  }

  /** Flagged identities grouped by status (most serious first), for the inbox rules. */
  groups(categoryFor: (s: FlaggedStatus) => string): FlagGroup[] {
    const groups = new Map<FlaggedStatus, FlagGroup>(FLAGGED_STATUSES.map((s) => [s, { label: s, category: categoryFor(s), emails: [], domains: [] }]));
    for (const e of this.identities.values()) {
      const s = this.statusOf(e);
      if (!isFlagged(s) || !e.value) continue;
      if (e.kind === "Email") groups.get(s)!.emails.push(e.value);
      else if (e.kind === "Domain") groups.get(s)!.domains.push(e.value);
    }
    return [...groups.values()];
  }

  get size(): { identities: number; customers: number } {
    return { identities: this.identities.size, customers: this.customerStatus.size };
  }
}

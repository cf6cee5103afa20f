// The flagged-identity index: every e-mail address and domain of a Monitoring or Restricted customer, in memory.
// Each customer's status and addresses are set from its log (never from a row someone may have edited), so matching
// a sender is a map lookup and mail from anyone else costs no Graph request at all.
import type { FlagGroup } from "../../graph/mail";

/** The statuses whose mail is coloured and logged, most serious first. */
export const FLAGGED_STATUSES = ["Restricted", "Monitoring"] as const;
export type FlaggedStatus = (typeof FLAGGED_STATUSES)[number];

export const isFlagged = (s: string | undefined | null): s is FlaggedStatus => s === "Restricted" || s === "Monitoring";

export interface FlagMatch {
  customerId: string;
  status: FlaggedStatus;
  /** The address or "@domain" that matched. */
  identity: string;
  kind: "Email" | "Domain";
}

/** What the index holds of a customer: its status and its addresses, as the log has them. */
export interface FlagState {
  status: string;
  identities: { kind: string; value: string }[];
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

const key = (s: FlagState) => `${s.status}|${s.identities.map((i) => `${i.kind}:${i.value}`).sort().join(",")}`;

export class FlaggedIndex {
  private readonly customers = new Map<string, FlagState>();
  /** Address or "@domain" → customer id. */
  private readonly byValue = new Map<string, { customerId: string; kind: string }>();
  /** Goes up whenever what is flagged may have changed. */
  version = 0;

  /** Sets (or, with null, forgets) a customer; true when anything changed. */
  set(customerId: string, state: FlagState | null): boolean {
    const old = this.customers.get(customerId);
    if (old && state && key(old) === key(state)) return false;
    if (!old && !state) return false;
    for (const i of old?.identities ?? []) if (this.byValue.get(i.value)?.customerId === customerId) this.byValue.delete(i.value);
    if (state) {
      const copy = { status: state.status, identities: state.identities.map((i) => ({ kind: i.kind, value: i.value.trim().toLowerCase() })) };
      this.customers.set(customerId, copy);
      for (const i of copy.identities) this.byValue.set(i.value, { customerId, kind: i.kind });
    } else this.customers.delete(customerId);
    this.version++;
    return true;
  }

  /** The customers the index knows (for a full check against the log). */
  known(): string[] {
    return [...this.customers.keys()];
  }

  get(customerId: string): FlagState | undefined {
    return this.customers.get(customerId);
  }

  private flaggedEntry(value: string, kind: "Email" | "Domain"): FlagMatch | null {
    const hit = this.byValue.get(value);
    if (!hit || hit.kind !== kind) return null;
    const status = this.customers.get(hit.customerId)?.status;
    return isFlagged(status) ? { customerId: hit.customerId, status, identity: value, kind } : null;
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
    for (const c of this.customers.values()) {
      if (!isFlagged(c.status)) continue;
      for (const i of c.identities) {
        if (i.kind === "Email") groups.get(c.status)!.emails.push(i.value);
        else if (i.kind === "Domain") groups.get(c.status)!.domains.push(i.value);
      }
    }
    return [...groups.values()];
  }

  get size(): { identities: number; customers: number } {
    return { identities: this.byValue.size, customers: this.customers.size };
  }
}

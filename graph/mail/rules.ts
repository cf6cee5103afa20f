// Inbox rules that colour mail from flagged customers at delivery, split to fit Exchange's 256 KB rules quota.
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";

/** Exchange Online's RulesQuota: all of a mailbox's inbox rules together may take 256 KB. */
export const RULES_QUOTA_BYTES = 256 * 1024;
/** Room left for the mailbox owner's own rules and for Exchange measuring a little differently from us. */
export const RULES_MARGIN_BYTES = 16 * 1024;
/** Each of our rules stays about this size, so a change to one address rewrites one rule, not all of them. */
export const RULE_TARGET_BYTES = 48 * 1024;
/** Every rule the service owns starts with this; rules without it belong to the mailbox owner and are left alone. */
export const RULE_PREFIX = "UPC flag:";

interface Recipient {
  emailAddress: { name?: string; address: string };
}

export interface RuleBody {
  displayName: string;
  isEnabled: boolean;
  conditions: { fromAddresses?: Recipient[]; senderContains?: string[] };
  actions: { assignCategories: string[] };
}

export interface ExistingRule extends Partial<RuleBody> {
  id: string;
  displayName: string;
  exceptions?: unknown;
}

/** One status's flagged identities and the category its rules assign. Give groups most important first. */
export interface FlagGroup {
  /** e.g. "Restricted": used in the rule names. */
  label: string;
  category: string;
  /** Normalised addresses (lower case). */
  emails: string[];
  /** Whole domains as "@example.org". */
  domains: string[];
}

export interface RulePlan {
  rules: RuleBody[];
  /** Identities that did not fit in the quota; the service still categorises their mail when it reads it. */
  omitted: number;
  bytes: number;
}

const encoder = new TextEncoder();
const bytesOf = (v: unknown) => encoder.encode(JSON.stringify(v)).length;

/** The size Exchange counts against the quota: the rule's name, conditions, exceptions and actions. */
export function ruleBytes(r: Pick<ExistingRule, "displayName" | "conditions" | "exceptions" | "actions">): number {
  return bytesOf({ n: r.displayName, c: r.conditions, e: r.exceptions, a: r.actions });
}

// Exchange stores a recipient with a display name; the address stands in for it so what we send is what is counted.
const recipient = (address: string): Recipient => ({ emailAddress: { name: address, address } });
const entryBytes = (kind: "emails" | "domains", v: string) => (kind === "emails" ? bytesOf(recipient(v)) : bytesOf(v)) + 1;
const RULE_OVERHEAD = 200;

/** FNV-1a: a stable bucket per address, so adding one address changes one rule. */
function bucketOf(value: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

function rulesFor(group: FlagGroup, kind: "emails" | "domains", values: string[]): RuleBody[] {
  if (values.length === 0) return [];
  const bytes = values.reduce((s, v) => s + entryBytes(kind, v), 0);
  const count = Math.max(1, Math.ceil(bytes / RULE_TARGET_BYTES));
  const buckets: string[][] = Array.from({ length: count }, () => []);
  for (const v of values) buckets[bucketOf(v, count)].push(v);
  const noun = kind === "emails" ? "addresses" : "domains";
  return buckets
    .map((b, i) => ({ values: b.sort(), name: `${RULE_PREFIX} ${group.label} ${noun} ${i + 1} of ${count}` }))
    .filter((b) => b.values.length > 0)
    .map(({ values: vs, name }) => ({
      displayName: name,
      isEnabled: true,
      conditions: kind === "emails" ? { fromAddresses: vs.map(recipient) } : { senderContains: vs },
      actions: { assignCategories: [group.category] },
    }));
}

/**
 * The rules a mailbox should hold: per group, addresses in `fromAddresses` and domains in `senderContains` (separate
 * rules, since a rule's conditions must all hold), each kind split across rules of about RULE_TARGET_BYTES. What does
 * not fit in `budgetBytes` is left out, least important group last; its mail is still categorised by the service.
 */
export function planFlagRules(groups: FlagGroup[], budgetBytes: number): RulePlan {
  const parts: { group: FlagGroup; kind: "emails" | "domains"; values: string[] }[] = [];
  for (const g of groups) {
    parts.push({ group: g, kind: "domains", values: [...new Set(g.domains)].sort() });
    parts.push({ group: g, kind: "emails", values: [...new Set(g.emails)].sort() });
  }
  let omitted = 0;
  let left = budgetBytes;
  const kept: typeof parts = [];
  for (const p of parts) {
    const take: string[] = [];
    let bytes = 0;
    for (const v of p.values) {
      const b = entryBytes(p.kind, v);
      // Each new rule of ~RULE_TARGET_BYTES costs its own name and actions.
      const overhead = Math.ceil((bytes + b) / RULE_TARGET_BYTES) * RULE_OVERHEAD;
      if (bytes + b + overhead > left) {
        omitted++;
        continue;
      }
      take.push(v);
      bytes += b;
    }
    left -= bytes + Math.ceil(bytes / RULE_TARGET_BYTES) * RULE_OVERHEAD;
    kept.push({ ...p, values: take });
  }
  let rules = kept.flatMap((p) => rulesFor(p.group, p.kind, p.values));
  // The estimate above is close; trim the least important rule's last entries until the real size fits.
  for (let total = rules.reduce((s, r) => s + ruleBytes(r), 0); total > budgetBytes && rules.length; total = rules.reduce((s, r) => s + ruleBytes(r), 0)) {
    const last = rules[rules.length - 1];
    const c = last.conditions;
    if (c.fromAddresses && c.fromAddresses.length > 1) c.fromAddresses.pop();
    else if (c.senderContains && c.senderContains.length > 1) c.senderContains.pop();
    else rules = rules.slice(0, -1);
    omitted++;
  }
  return { rules, omitted, bytes: rules.reduce((s, r) => s + ruleBytes(r), 0) };
}

/** What a rule does, for comparing what is there with what should be; order and case do not matter. */
export function ruleKey(r: Pick<ExistingRule, "isEnabled" | "conditions" | "actions">): string {
  const c = r.conditions ?? {};
  return JSON.stringify([
    r.isEnabled !== false,
    (c.fromAddresses ?? []).map((x) => x.emailAddress.address.toLowerCase()).sort(),
    (c.senderContains ?? []).map((x) => x.toLowerCase()).sort(),
    Object.keys(c).filter((k) => k !== "fromAddresses" && k !== "senderContains" && k !== "@odata.type").sort(),
    [...(r.actions?.assignCategories ?? [])].sort(),
  ]);
}

export function listInboxRules(graph: Graph, mailbox: string): Promise<ExistingRule[]> {
  return graph.getAll<ExistingRule>(`/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messageRules`);
}

export interface RuleSync {
  created: number;
  updated: number;
  deleted: number;
  /** Changes Exchange refused because the mailbox's rules quota was full. */
  refused: number;
  /** Our rules as they now stand, by display name. */
  rules: ExistingRule[];
}

/**
 * Makes the service's rules in a mailbox match `desired`: deletes first and shrinking rules before growing ones, so a
 * rebuild never needs more quota than its result. The owner's own rules are never touched.
 */
export async function syncInboxRules(graph: Graph, mailbox: string, desired: RuleBody[], current: ExistingRule[]): Promise<RuleSync> {
  const base = `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messageRules`;
  const mine = current.filter((r) => r.displayName.startsWith(RULE_PREFIX));
  // Two instances creating the same rule at once leave two of a name: keep one.
  const byName = new Map<string, ExistingRule>();
  const extra: ExistingRule[] = [];
  for (const r of mine) {
    if (byName.has(r.displayName)) extra.push(r);
    else byName.set(r.displayName, r);
  }
  const ours = [...byName.values()];
  const wanted = new Map(desired.map((r) => [r.displayName, r]));
  const out: RuleSync = { created: 0, updated: 0, deleted: 0, refused: 0, rules: [] };
  const refusedByQuota = (e: unknown) => e instanceof DataError && /RulesOverQuota/i.test(`${e.code} ${e.detail}`);

  for (const r of [...extra, ...ours]) {
    if (wanted.has(r.displayName) && !extra.includes(r)) continue;
    try {
      await graph.delete(`${base}/${encodeURIComponent(r.id)}`);
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "NotFound")) throw e;
    }
    out.deleted++;
  }
  const changes = desired
    .map((d) => ({ d, have: byName.get(d.displayName) }))
    .filter(({ d, have }) => !have || ruleKey(have) !== ruleKey(d))
    .map((x) => ({ ...x, growth: ruleBytes(x.d) - (x.have ? ruleBytes(x.have) : 0) }))
    .sort((a, b) => Number(!a.have) - Number(!b.have) || a.growth - b.growth);
  const result = new Map(ours.filter((r) => wanted.has(r.displayName)).map((r) => [r.displayName, r]));
  for (const { d, have } of changes) {
    try {
      if (have) {
        const r = await graph.patch<ExistingRule>(`${base}/${encodeURIComponent(have.id)}`, { conditions: d.conditions, actions: d.actions, isEnabled: d.isEnabled });
        result.set(d.displayName, { ...d, id: r?.id ?? have.id });
        out.updated++;
      } else {
        const r = await graph.post<ExistingRule>(base, d);
        result.set(d.displayName, { ...d, id: r.id });
        out.created++;
      }
    } catch (e) {
      if (!refusedByQuota(e)) throw e;
      out.refused++;
    }
  }
  out.rules = [...result.values()];
  return out;
}

// Inbox rules: checking a messageRule body, the mailbox rules quota, and running enabled rules on a delivered message.
import { GraphError } from "../core/types";
import { badRequest, unknownBodyProperty } from "./errors";
import { newRuleId } from "./ids";
import type { MessageRuleActions, MessageRulePredicates, Recipient, StoredMessage, StoredRule } from "./model";
import { htmlToText } from "./shapes";
import type { Mailbox } from "./store";

/** Exchange Online's RulesQuota: all of a mailbox's inbox rules together may take 256 KB. */
export const RULES_QUOTA_BYTES = 256 * 1024;

const STRING_LIST_PREDICATES = ["senderContains", "subjectContains", "bodyContains", "bodyOrSubjectContains", "recipientContains", "categories"] as const;
const RECIPIENT_PREDICATES = ["fromAddresses", "sentToAddresses"] as const;
const BOOL_PREDICATES = ["sentToMe", "sentCcMe", "sentOnlyToMe", "sentToOrCcMe", "notSentToMe", "hasAttachments"] as const;
const IMPORTANCE = new Set(["low", "normal", "high"]);

/** Predicates Graph defines but the emulator does not evaluate; accepted and stored so rules round-trip. */
const INERT_PREDICATES = new Set([
  "headerContains",
  "isApprovalRequest",
  "isAutomaticForward",
  "isAutomaticReply",
  "isEncrypted",
  "isMeetingRequest",
  "isMeetingResponse",
  "isNonDeliveryReport",
  "isPermissionControlled",
  "isReadReceipt",
  "isSigned",
  "isVoicemail",
  "messageActionFlag",
  "sensitivity",
  "withinSizeRange",
]);

const RULE_FIELDS = new Set(["displayName", "sequence", "isEnabled", "conditions", "exceptions", "actions", "hasError", "isReadOnly", "id", "@odata.type"]);
const ACTION_FIELDS = new Set([
  "assignCategories",
  "copyToFolder",
  "delete",
  "forwardAsAttachmentTo",
  "forwardTo",
  "markAsRead",
  "markImportance",
  "moveToFolder",
  "permanentDelete",
  "redirectTo",
  "stopProcessingRules",
]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) throw badRequest(`Property '${field}' must be a collection of strings.`);
  return v as string[];
}

function recipientList(v: unknown, field: string): Recipient[] {
  if (!Array.isArray(v)) throw badRequest(`Property '${field}' must be a collection of recipients.`);
  return v.map((r) => {
    const e = isObject(r) && isObject(r.emailAddress) ? r.emailAddress : undefined;
    if (!e || typeof e.address !== "string" || !e.address.trim()) throw badRequest(`Each entry of '${field}' needs emailAddress.address.`);
    return { emailAddress: { name: typeof e.name === "string" ? e.name : e.address, address: e.address } };
  });
}

function predicates(v: unknown, field: string): MessageRulePredicates {
  if (!isObject(v)) throw badRequest(`Property '${field}' must be an object.`);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === "@odata.type") continue;
    if ((STRING_LIST_PREDICATES as readonly string[]).includes(k)) out[k] = stringList(val, k);
    else if ((RECIPIENT_PREDICATES as readonly string[]).includes(k)) out[k] = recipientList(val, k);
    else if ((BOOL_PREDICATES as readonly string[]).includes(k)) {
      if (typeof val !== "boolean") throw badRequest(`Property '${k}' must be a boolean.`);
      out[k] = val;
    } else if (k === "importance") {
      if (typeof val !== "string" || !IMPORTANCE.has(val)) throw badRequest(`Property 'importance' has an invalid value.`);
      out[k] = val;
    } else if (INERT_PREDICATES.has(k)) out[k] = val;
    else throw unknownBodyProperty(k, "microsoft.graph.messageRulePredicates");
  }
  return out as MessageRulePredicates;
}

function actions(v: unknown, mb: Mailbox): MessageRuleActions {
  if (!isObject(v)) throw badRequest("Property 'actions' must be an object.");
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === "@odata.type") continue;
    if (!ACTION_FIELDS.has(k)) throw unknownBodyProperty(k, "microsoft.graph.messageRuleActions");
    switch (k) {
      case "assignCategories":
        out[k] = stringList(val, k);
        break;
      case "moveToFolder":
      case "copyToFolder":
        if (typeof val !== "string" || !mb.folder(val)) {
          throw new GraphError(400, "ErrorInboxRulesValidationError", `The folder given in '${k}' does not exist in this mailbox.`);
        }
        out[k] = val;
        break;
      case "markImportance":
        if (typeof val !== "string" || !IMPORTANCE.has(val)) throw badRequest("Property 'markImportance' has an invalid value.");
        out[k] = val;
        break;
      case "forwardTo":
      case "redirectTo":
      case "forwardAsAttachmentTo":
        out[k] = recipientList(val, k);
        break;
      default:
        if (typeof val !== "boolean") throw badRequest(`Property '${k}' must be a boolean.`);
        out[k] = val;
    }
  }
  return out as MessageRuleActions;
}

/** Builds a rule from a POST body, or applies a PATCH body to an existing one; throws Graph's 400s. */
export function ruleFromBody(body: unknown, mb: Mailbox, existing?: StoredRule): StoredRule {
  if (!isObject(body)) throw badRequest("The request body must be a messageRule object.");
  for (const k of Object.keys(body)) if (!RULE_FIELDS.has(k)) throw unknownBodyProperty(k, "microsoft.graph.messageRule");
  const rule: StoredRule = existing
    ? { ...existing }
    : { id: newRuleId(), displayName: "", sequence: 0, isEnabled: true, hasError: false, isReadOnly: false, actions: {} };
  if ("displayName" in body) {
    if (typeof body.displayName !== "string" || !body.displayName.trim()) throw badRequest("Property 'displayName' must be a non-empty string.");
    rule.displayName = body.displayName;
  } else if (!existing) throw badRequest("Property 'displayName' is required.");
  if ("sequence" in body) {
    if (typeof body.sequence !== "number" || !Number.isInteger(body.sequence) || body.sequence < 1) throw badRequest("Property 'sequence' must be a positive integer.");
    rule.sequence = body.sequence;
  } else if (!existing) rule.sequence = mb.rules.reduce((max, r) => Math.max(max, r.sequence), 0) + 1;
  if ("isEnabled" in body) {
    if (typeof body.isEnabled !== "boolean") throw badRequest("Property 'isEnabled' must be a boolean.");
    rule.isEnabled = body.isEnabled;
  }
  if ("conditions" in body) rule.conditions = body.conditions === null ? undefined : predicates(body.conditions, "conditions");
  if ("exceptions" in body) rule.exceptions = body.exceptions === null ? undefined : predicates(body.exceptions, "exceptions");
  if ("actions" in body) rule.actions = actions(body.actions, mb);
  else if (!existing) throw badRequest("Property 'actions' is required.");
  return rule;
}

function ruleSize(r: StoredRule): number {
  return Buffer.byteLength(JSON.stringify({ n: r.displayName, c: r.conditions, e: r.exceptions, a: r.actions }));
}

/**
 * Refuses a change that would take the mailbox's rules past Exchange's quota. Only enabled rules count ("Only enabled
 * rules count against the 256 KB limit": learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/increase-the-space-used-by-inbox-rules).
 */
export function checkRulesQuota(rules: StoredRule[]): void {
  const total = rules.reduce((sum, r) => sum + (r.isEnabled ? ruleSize(r) : 0), 0);
  if (total > RULES_QUOTA_BYTES) {
    throw new GraphError(500, "ErrorRulesOverQuota", "The rules quota for this mailbox has been exceeded; the rule was not saved.");
  }
}

interface Compiled {
  rule: StoredRule;
  conditions?: CompiledPredicates;
  exceptions?: CompiledPredicates;
}

interface CompiledPredicates {
  from?: Set<string>;
  senderContains?: string[];
  subjectContains?: string[];
  bodyContains?: string[];
  bodyOrSubjectContains?: string[];
  recipientContains?: string[];
  sentTo?: Set<string>;
  bools: Partial<Record<(typeof BOOL_PREDICATES)[number], boolean>>;
  importance?: string;
  categories?: string[];
  count: number;
}

function lowerAll(list: string[] | undefined): string[] | undefined {
  return list?.length ? list.map((s) => s.toLowerCase()) : undefined;
}

function compilePredicates(p: MessageRulePredicates | undefined): CompiledPredicates | undefined {
  if (!p) return undefined;
  const c: CompiledPredicates = {
    from: p.fromAddresses?.length ? new Set(p.fromAddresses.map((r) => r.emailAddress.address.toLowerCase())) : undefined,
    senderContains: lowerAll(p.senderContains),
    subjectContains: lowerAll(p.subjectContains),
    bodyContains: lowerAll(p.bodyContains),
    bodyOrSubjectContains: lowerAll(p.bodyOrSubjectContains),
    recipientContains: lowerAll(p.recipientContains),
    sentTo: p.sentToAddresses?.length ? new Set(p.sentToAddresses.map((r) => r.emailAddress.address.toLowerCase())) : undefined,
    bools: {},
    importance: p.importance,
    categories: lowerAll(p.categories),
    count: 0,
  };
  for (const b of BOOL_PREDICATES) if (typeof p[b] === "boolean") c.bools[b] = p[b];
  c.count = [c.from, c.senderContains, c.subjectContains, c.bodyContains, c.bodyOrSubjectContains, c.recipientContains, c.sentTo, c.importance, c.categories].filter(
    (x) => x !== undefined,
  ).length + Object.keys(c.bools).length;
  return c;
}

const compiledCache = new WeakMap<Mailbox, { version: number; rules: Compiled[] }>();

function compiledRules(mb: Mailbox): Compiled[] {
  const hit = compiledCache.get(mb);
  if (hit && hit.version === mb.rulesVersion) return hit.rules;
  const rules = mb.rules
    .filter((r) => r.isEnabled)
    .sort((a, b) => a.sequence - b.sequence)
    .map((rule) => ({ rule, conditions: compilePredicates(rule.conditions), exceptions: compilePredicates(rule.exceptions) }));
  compiledCache.set(mb, { version: mb.rulesVersion, rules });
  return rules;
}

interface MessageFacts {
  fromAddress: string;
  fromText: string;
  subject: string;
  body: () => string;
  recipients: string[];
  to: Set<string>;
  cc: Set<string>;
  owner: Set<string>;
}

function anyIncludes(haystack: string, needles: string[]): boolean {
  for (const n of needles) if (haystack.includes(n)) return true;
  return false;
}

/** Each predicate given must hold (AND); within one predicate any listed value may match (OR). */
function predicateResults(c: CompiledPredicates, f: MessageFacts, m: StoredMessage): boolean[] {
  const r: boolean[] = [];
  if (c.from) r.push(c.from.has(f.fromAddress));
  if (c.senderContains) r.push(anyIncludes(f.fromText, c.senderContains));
  if (c.subjectContains) r.push(anyIncludes(f.subject, c.subjectContains));
  if (c.bodyContains) r.push(anyIncludes(f.body(), c.bodyContains));
  if (c.bodyOrSubjectContains) r.push(anyIncludes(f.subject, c.bodyOrSubjectContains) || anyIncludes(f.body(), c.bodyOrSubjectContains));
  if (c.recipientContains) r.push(f.recipients.some((a) => anyIncludes(a, c.recipientContains as string[])));
  if (c.sentTo) r.push(f.recipients.some((a) => (c.sentTo as Set<string>).has(a)));
  if (c.importance) r.push(m.importance === c.importance);
  if (c.categories) r.push(m.categories.some((x) => (c.categories as string[]).includes(x.toLowerCase())));
  const toMe = [...f.owner].some((a) => f.to.has(a));
  const ccMe = [...f.owner].some((a) => f.cc.has(a));
  const b = c.bools;
  if (b.sentToMe !== undefined) r.push(toMe === b.sentToMe);
  if (b.sentCcMe !== undefined) r.push(ccMe === b.sentCcMe);
  if (b.sentToOrCcMe !== undefined) r.push((toMe || ccMe) === b.sentToOrCcMe);
  if (b.notSentToMe !== undefined) r.push(!toMe === b.notSentToMe);
  if (b.sentOnlyToMe !== undefined) r.push((toMe && f.to.size === 1 && f.cc.size === 0) === b.sentOnlyToMe);
  if (b.hasAttachments !== undefined) r.push(m.hasAttachments === b.hasAttachments);
  return r;
}

export interface RuleOutcome {
  addCategories: string[];
  markAsRead: boolean;
  importance?: "low" | "normal" | "high";
  moveTo?: string;
  copyTo: string[];
  delete: boolean;
  permanentDelete: boolean;
}

/** Runs the mailbox's enabled rules in `sequence` order against a message being delivered to its inbox. */
export function runRules(mb: Mailbox, m: StoredMessage, ownerAddresses: string[]): RuleOutcome {
  const out: RuleOutcome = { addCategories: [], markAsRead: false, copyTo: [], delete: false, permanentDelete: false };
  const rules = compiledRules(mb);
  if (!rules.length) return out;
  const from = m.from ?? m.sender;
  const fromAddress = (from?.emailAddress.address ?? "").toLowerCase();
  let bodyText: string | undefined;
  const to = new Set(m.toRecipients.map((r) => r.emailAddress.address.toLowerCase()));
  const cc = new Set(m.ccRecipients.map((r) => r.emailAddress.address.toLowerCase()));
  const facts: MessageFacts = {
    fromAddress,
    // senderContains looks at the whole From value: the display name as well as the address.
    fromText: `${(from?.emailAddress.name ?? "").toLowerCase()} <${fromAddress}>`,
    subject: m.subject.toLowerCase(),
    body: () => (bodyText ??= (m.body.contentType === "html" ? htmlToText(m.body.content) : m.body.content).toLowerCase()),
    recipients: [...to, ...cc],
    to,
    cc,
    owner: new Set(ownerAddresses.map((a) => a.toLowerCase())),
  };
  for (const c of rules) {
    if (c.conditions && c.conditions.count > 0 && predicateResults(c.conditions, facts, m).some((x) => !x)) continue;
    // An exception is met when any one of its predicates holds ("except if … or except if …").
    if (c.exceptions && c.exceptions.count > 0 && predicateResults(c.exceptions, facts, m).some((x) => x)) continue;
    const a = c.rule.actions;
    for (const cat of a.assignCategories ?? []) {
      if (![...m.categories, ...out.addCategories].some((x) => x.toLowerCase() === cat.toLowerCase())) out.addCategories.push(cat);
    }
    if (a.markAsRead) out.markAsRead = true;
    if (a.markImportance) out.importance = a.markImportance;
    if (a.moveToFolder && out.moveTo === undefined) out.moveTo = mb.folder(a.moveToFolder)?.id;
    if (a.copyToFolder) {
      const id = mb.folder(a.copyToFolder)?.id;
      if (id) out.copyTo.push(id);
    }
    if (a.delete) out.delete = true;
    if (a.permanentDelete) out.permanentDelete = true;
    if (a.stopProcessingRules) break;
  }
  return out;
}

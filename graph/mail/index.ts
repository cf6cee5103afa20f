// The Graph side of mail for the flagging service: categories, inbox rules, subscriptions, message delta, sendMail,
// and the register's list delta that keeps the flagged-identity index fresh.
export { ensureCategories, type CategoryDef, type CategoryColor } from "./categories";
export {
  planFlagRules,
  syncInboxRules,
  listInboxRules,
  ruleBytes,
  ruleKey,
  RULE_PREFIX,
  RULES_QUOTA_BYTES,
  RULES_MARGIN_BYTES,
  type FlagGroup,
  type RuleBody,
  type ExistingRule,
  type RulePlan,
  type RuleSync,
} from "./rules";
export {
  listSubscriptions,
  createInboxSubscription,
  renewSubscription,
  reauthorizeSubscription,
  deleteSubscription,
  getSubscription,
  subscriptionExists,
  inboxResource,
  MAX_MAIL_SUBSCRIPTION_MINUTES,
  type Subscription,
} from "./subscriptions";
export { inboxDeltaStart, readInboxDelta, flagCategoryRequest, sendMail, DeltaLinkExpired, DELTA_SELECT, type InboxMessage, type DeltaRound, type OutgoingMail } from "./messages";
export { sendOnce, messageIdFor } from "./send-once";
export { readRegisterDelta, type RegisterChange, type RegisterList, type RegisterRound } from "./register";
export { resolveMailboxes, groupMemberUpns, type MailboxRef } from "./people";

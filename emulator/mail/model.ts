// The mail module's stored records: mailboxes, folders, messages, categories, inbox rules and subscriptions.

export interface EmailAddress {
  name: string;
  address: string;
}

export interface Recipient {
  emailAddress: EmailAddress;
}

export type FlagStatus = "notFlagged" | "flagged" | "complete";

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface FollowupFlag {
  flagStatus: FlagStatus;
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}

export interface ItemBody {
  contentType: "text" | "html";
  content: string;
}

export interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
}

/** What a message says, whether stored or about to be created. */
export interface MessageContent {
  subject: string;
  body: ItemBody;
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  categories: string[];
  flag: FollowupFlag;
  importance: "low" | "normal" | "high";
  inferenceClassification: "focused" | "other";
  attachments: AttachmentInfo[];
}

export interface StoredMessage extends MessageContent {
  id: string;
  folderId: string;
  /** Mailbox change counter when the message appeared in its folder; delta uses it to tell created from updated. */
  createdSeq: number;
  /** Mailbox change counter at the last change; delta pages are ordered and cut by it. */
  changeSeq: number;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  internetMessageId: string;
  isRead: boolean;
  isDraft: boolean;
  conversationId: string;
  hasAttachments: boolean;
  /**
   * The item's immutable id: unlike `id`, it survives moves between folders (learn.microsoft.com/graph/outlook-immutable-id),
   * and a request with `Prefer: IdType="ImmutableId"` sees it as `id`.
   */
  iid: string;
}

export interface StoredFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  /** Lower-case well-known name (inbox, sentitems, drafts, …) or undefined for folders users create. */
  wellKnownName?: string;
  isHidden: boolean;
}

/** A message that left a folder (deleted or moved), kept so delta can report it as @removed. */
export interface Tombstone {
  id: string;
  /** The immutable id of what left, for a delta read under `Prefer: IdType="ImmutableId"`. */
  iid?: string;
  folderId: string;
  seq: number;
}

export interface OutlookCategory {
  id: string;
  displayName: string;
  color: string;
}

export interface MessageRulePredicates {
  fromAddresses?: Recipient[];
  senderContains?: string[];
  subjectContains?: string[];
  bodyContains?: string[];
  bodyOrSubjectContains?: string[];
  recipientContains?: string[];
  sentToAddresses?: Recipient[];
  sentToMe?: boolean;
  sentCcMe?: boolean;
  sentOnlyToMe?: boolean;
  sentToOrCcMe?: boolean;
  notSentToMe?: boolean;
  hasAttachments?: boolean;
  importance?: "low" | "normal" | "high";
  categories?: string[];
}

export interface MessageRuleActions {
  assignCategories?: string[];
  moveToFolder?: string;
  copyToFolder?: string;
  delete?: boolean;
  permanentDelete?: boolean;
  markAsRead?: boolean;
  markImportance?: "low" | "normal" | "high";
  stopProcessingRules?: boolean;
  forwardTo?: Recipient[];
  redirectTo?: Recipient[];
  forwardAsAttachmentTo?: Recipient[];
}

export interface StoredRule {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  hasError: boolean;
  isReadOnly: boolean;
  conditions?: MessageRulePredicates;
  exceptions?: MessageRulePredicates;
  actions: MessageRuleActions;
}

export interface StoredMailbox {
  userId: string;
  upn: string;
  /** Random per mailbox, written into delta tokens so tokens from a wiped store are refused rather than trusted. */
  epoch: string;
  seq: number;
  folders: StoredFolder[];
  messages: StoredMessage[];
  tombstones: Tombstone[];
  categories: OutlookCategory[];
  rules: StoredRule[];
}

export type ChangeType = "created" | "updated" | "deleted";

export interface StoredSubscription {
  id: string;
  resource: string;
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  applicationId: string | null;
  creatorId: string;
  /** Normalised target: whose mailbox, which folder (undefined = every folder). */
  userId: string;
  folderId?: string;
  /** $filter from the resource's query string, if any. */
  filter?: string;
  /** Created with `Prefer: IdType="ImmutableId"`: its notifications name messages by their immutable ids. */
  immutableIds?: boolean;
  /** When it was made, and last renewed or reauthorised: Graph challenges it again a token's life later. */
  createdAt?: string;
  authorizedAt?: string;
  /** reauthorizationRequired was sent because it is about to expire (once per expiry). */
  expiryNoticeSent?: boolean;
  /** Set by a reauthorizationRequired event; notifications stop once the grace time has passed, until reauthorised. */
  reauthorizationRequiredAt?: string;
  reauthorizationGraceMs?: number;
}

export interface MailState {
  version: 1;
  tenantId: string;
  mailboxes: StoredMailbox[];
  subscriptions: StoredSubscription[];
}

// What the add-in needs from Outlook, as plain promises: components receive this, never the Office object itself.

export interface MailAddress {
  name: string;
  address: string;
}

/** The mail open in the reading pane. */
export interface ReadItem {
  /** Outlook's item id converted for REST/Graph (convertToRestId). */
  restId: string;
  internetMessageId: string;
  subject: string;
  from: MailAddress | null;
  sender: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  received: Date | null;
}

/** A mail being written (compose mode, the send-time guard). */
export interface ComposeItem {
  to(): Promise<MailAddress[]>;
  cc(): Promise<MailAddress[]>;
  bcc(): Promise<MailAddress[]>;
  subject(): Promise<string>;
}

export type InfoBarKind = "informational" | "error";

export interface MailHost {
  /** "outlook" inside Outlook; "harness" in the browser harness. */
  readonly kind: "outlook" | "harness";
  /** The signed-in mailbox's address. */
  userAddress(): string;
  /** The selected mail, or null when none is selected (a pinned pane with nothing open). */
  currentItem(): Promise<ReadItem | null>;
  /** Calls back whenever the selected mail changes in a pinned pane; returns a function that stops listening. */
  onItemChanged(listener: () => void): Promise<() => void>;
  /** Shows (or replaces) the add-in's bar on the mail; text is cut to 150 characters. */
  showInfoBar(key: string, kind: InfoBarKind, text: string): Promise<void>;
  clearInfoBar(key: string): Promise<void>;
  /** Opens a new message with the selected mail attached (Send to SPOC). */
  forwardAsAttachment(to: MailAddress, subject: string, body: string): Promise<void>;
  /** Opens a new message (e.g. to a generic inbox). */
  newMessage(to: MailAddress[], subject: string, body: string): Promise<void>;
}

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
  /** Shows a short informational bar on the mail being written (≤ 150 characters). */
  notify(key: string, text: string): Promise<void>;
}

export type InfoBarKind = "informational" | "error";

/** The colour scheme the pane follows: Outlook's theme, or the harness's toggle. */
export type HostTheme = "light" | "dark" | "highContrast";

/** The Outlook info bar's length limit (NotificationMessageDetails.message). */
export const INFO_BAR_MAX = 150;

/** Cuts text to the info bar's limit, ending with an ellipsis when cut. */
export function clipInfoBar(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= INFO_BAR_MAX ? flat : `${flat.slice(0, INFO_BAR_MAX - 1).trimEnd()}…`;
}

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
  /** The current colour scheme. */
  theme(): HostTheme;
  /** Calls back when the colour scheme changes; returns a function that stops listening. */
  onThemeChanged(listener: (theme: HostTheme) => void): Promise<() => void>;
}

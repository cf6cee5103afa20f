// The one adapter over Office.js in Outlook: the read item, item changes, the info bar, new-message forms and the theme.
import { officeAsync, OfficeError } from "./async";
import { forcedColors, themeFrom } from "./theme";
import { clipInfoBar, type ComposeItem, type HostTheme, type InfoBarKind, type MailAddress, type MailHost, type ReadItem } from "./types";

export type OfficeApi = typeof Office;

/**
 * The icon id an InformationalMessage must name. With the unified manifest Outlook shows the first ribbon icon
 * whatever the id; with an XML manifest it must be an Images id in Resources.
 */
export const INFO_BAR_ICON = "Icon.16x16";

type AddressDetails = { displayName?: string; emailAddress?: string } | null | undefined;

export function toAddress(d: AddressDetails): MailAddress | null {
  const address = (d?.emailAddress ?? "").trim();
  if (!address) return null;
  return { name: (d?.displayName ?? "").trim(), address };
}

function toAddresses(list: AddressDetails[] | null | undefined): MailAddress[] {
  return (list ?? []).map(toAddress).filter((a): a is MailAddress => a !== null);
}

/** A recipient for a new-message form (displayName and emailAddress are what Outlook reads). */
function recipient(a: MailAddress): Office.EmailAddressDetails {
  return { displayName: a.name || a.address, emailAddress: a.address } as Office.EmailAddressDetails;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text as the HTML body of a new message, line breaks kept. */
export function textToHtmlBody(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

function readItemOf(office: OfficeApi): Office.MessageRead | null {
  const item = office.context?.mailbox?.item as Office.MessageRead | null | undefined;
  if (!item || (item.itemType && item.itemType !== office.MailboxEnums.ItemType.Message)) return null;
  return item;
}

/** Outlook's item id as Graph knows it; mobile clients already use REST ids, and a failure keeps the id as given. */
function restIdOf(office: OfficeApi, itemId: string): string {
  try {
    return office.context.mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
  } catch {
    return itemId;
  }
}

export function readItemFrom(office: OfficeApi): ReadItem | null {
  const item = readItemOf(office);
  if (!item) return null;
  const created = item.dateTimeCreated;
  return {
    restId: item.itemId ? restIdOf(office, item.itemId) : "",
    internetMessageId: item.internetMessageId ?? "",
    subject: item.subject ?? "",
    from: toAddress(item.from),
    sender: toAddress(item.sender),
    to: toAddresses(item.to),
    cc: toAddresses(item.cc),
    received: created instanceof Date ? created : created ? new Date(created) : null,
  };
}

export function createOutlookHost(office: OfficeApi, win: { matchMedia?: (q: string) => { matches: boolean } } | undefined = globalThis.window): MailHost {
  const mailbox = () => office.context.mailbox;
  const themeNow = (): HostTheme => themeFrom(office.context?.officeTheme, forcedColors(win));
  const item = (): Office.MessageRead => {
    const it = readItemOf(office);
    if (!it) throw new OfficeError("No mail is selected.");
    return it;
  };

  return {
    kind: "outlook",
    userAddress: () => (mailbox()?.userProfile?.emailAddress ?? "").toLowerCase(),
    currentItem: async () => readItemFrom(office),

    async onItemChanged(listener) {
      const handler = () => listener();
      await officeAsync<void>((cb) => mailbox().addHandlerAsync(office.EventType.ItemChanged, handler, cb));
      return () => {
        // removeHandlerAsync drops this add-in's ItemChanged handler; a failure here leaves nothing to undo.
        try {
          mailbox().removeHandlerAsync(office.EventType.ItemChanged, () => undefined);
        } catch {
          /* the pane is closing */
        }
      };
    },

    async showInfoBar(key: string, kind: InfoBarKind, text: string) {
      const message = clipInfoBar(text);
      const details: Office.NotificationMessageDetails =
        kind === "error"
          ? { type: office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message }
          : { type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message, icon: INFO_BAR_ICON, persistent: false };
      await officeAsync<void>((cb) => item().notificationMessages.replaceAsync(key, details, cb));
    },

    async clearInfoBar(key: string) {
      await officeAsync<void>((cb) => item().notificationMessages.removeAsync(key, cb));
    },

    async forwardAsAttachment(to: MailAddress, subject: string, body: string) {
      const current = item();
      await displayNewMessage(office, {
        toRecipients: [recipient(to)],
        subject,
        htmlBody: textToHtmlBody(body),
        attachments: [{ type: office.MailboxEnums.AttachmentType.Item, itemId: current.itemId, name: (current.subject || "Forwarded mail").slice(0, 255) }],
      });
    },

    async newMessage(to: MailAddress[], subject: string, body: string) {
      await displayNewMessage(office, {
        toRecipients: to.map(recipient),
        subject,
        htmlBody: textToHtmlBody(body),
      });
    },

    theme: themeNow,

    async onThemeChanged(listener) {
      const handler = () => listener(themeNow());
      try {
        await officeAsync<void>((cb) => mailbox().addHandlerAsync(office.EventType.OfficeThemeChanged, handler, cb));
      } catch {
        // Before Mailbox 1.14 there is no theme event: the pane keeps the theme it opened with.
        return () => undefined;
      }
      return () => {
        try {
          mailbox().removeHandlerAsync(office.EventType.OfficeThemeChanged, () => undefined);
        } catch {
          /* closing */
        }
      };
    },
  };
}

/** displayNewMessageFormAsync (Mailbox 1.9) where available, else the older synchronous form. */
async function displayNewMessage(office: OfficeApi, form: Office.MessageForm): Promise<void> {
  const mailbox = office.context.mailbox;
  if (typeof mailbox.displayNewMessageFormAsync === "function") {
    await officeAsync<void>((cb) => mailbox.displayNewMessageFormAsync(form, cb));
    return;
  }
  try {
    mailbox.displayNewMessageForm(form);
  } catch (e) {
    throw new OfficeError((e as Error)?.message || "Outlook could not open a new message.");
  }
}

/** The mail being written, for the send-time guard. */
export function createComposeItem(office: OfficeApi): ComposeItem {
  const item = () => {
    const it = office.context?.mailbox?.item as Office.MessageCompose | null | undefined;
    if (!it) throw new OfficeError("No mail is being written.");
    return it;
  };
  const recipients = (pick: (it: Office.MessageCompose) => Office.Recipients) => async () =>
    toAddresses(await officeAsync<Office.EmailAddressDetails[]>((cb) => pick(item()).getAsync(cb)));
  return {
    to: recipients((it) => it.to),
    cc: recipients((it) => it.cc),
    bcc: recipients((it) => it.bcc),
    subject: () => officeAsync<string>((cb) => item().subject.getAsync(cb)),
    notify: async (key, text) => {
      await officeAsync<void>((cb) =>
        item().notificationMessages.replaceAsync(
          key,
          { type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: clipInfoBar(text), icon: INFO_BAR_ICON, persistent: false },
          cb,
        ),
      );
    },
  };
}

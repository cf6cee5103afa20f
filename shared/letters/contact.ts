// How a letter tells the customer to reach the officer it names: their work e-mail and telephone, when the register has them. Pure.

/** The person or team a letter names as the customer's contact. */
export interface NamedContact {
  name: string;
  /** Work e-mail, or the generic inbox's address. */
  address: string | null;
  /** Work telephone, as the directory gives it. */
  phone?: string | null;
  /** A generic inbox or team rather than one person. */
  inbox?: boolean;
}

/** "e-mail them at kim@… or telephone them on 020 …", or "" when neither is known. */
export function reachBy(c: NamedContact): string {
  const mail = c.address?.trim();
  const phone = c.phone?.trim();
  const them = c.inbox ? "it" : "them";
  if (mail && phone) return `e-mail ${them} at ${mail} or telephone ${them} on ${phone}`;
  if (mail) return `e-mail ${them} at ${mail}`;
  if (phone) return `telephone ${them} on ${phone}`;
  return "";
}

/** "Kim Officer", or "the Customer Relations team" for an inbox. */
export function label(c: NamedContact): string {
  const name = c.name.trim();
  return c.inbox && !/^the\s/i.test(name) ? `the ${name}` : name;
}

/** For staff: "Their single point of contact is Kim Officer: e-mail them at … or telephone them on …." */
export function staffSpocLine(c: NamedContact | null | undefined): string {
  if (!c?.name.trim()) return "";
  const how = reachBy(c);
  return `Their single point of contact is ${label(c)}${how ? `: ${how}` : ""}.`;
}

/** The letter's single point of contact paragraph; "" when no contact is known, so the writer must supply it. */
export function spocParagraph(c: NamedContact | null | undefined): string {
  const name = c?.name.trim();
  if (!c || !name) return "";
  const how = reachBy(c);
  return `Your single point of contact is ${label(c)}.${how ? ` You can ${how}.` : ""} Please send all your contact with us to ${c.inbox ? "this address" : "them"}.`;
}

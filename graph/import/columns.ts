// The columns of a register spreadsheet the import understands, by the names councils use for them.

export const COLUMNS = {
  CaseRef: ["case ref", "case reference", "reference", "ref"],
  Name: ["customer", "customer name", "full name"],
  Kind: ["type", "customer type"],
  Status: ["current status"],
  Policy: ["policy id", "policyid", "preset"],
  ServiceAreas: ["service area", "service", "department"],
  Emails: ["email", "e-mail", "emails", "e-mails", "email address", "email addresses"],
  Phones: ["phone", "telephone", "phones", "phone number", "phone numbers", "telephone numbers"],
  Domains: ["domain", "email domain"],
  Spoc: ["spoc email", "spocupn", "single point of contact", "spoc e-mail"],
  SpocName: ["spoc name"],
  SpocDeputy: ["spoc deputy", "spocdeputyupn", "deputy"],
  AllowedChannels: ["allowed channels", "channels", "contact channels"],
  Restrictions: ["restriction"],
  RestrictionsFrom: ["restrictions from", "restriction start", "restricted from", "starts"],
  RestrictionsUntil: ["restrictions until", "restriction end", "restricted until", "ends"],
  ReviewDue: ["review due", "review date", "next review"],
  MonitoringEnds: ["monitoring ends", "monitoring end", "monitoring until"],
  RetainUntil: ["retain until", "keep until"],
  StaffGuidance: ["staff guidance", "guidance", "what staff should do"],
  Adjustments: ["reasonable adjustments"],
} as const satisfies Record<string, readonly string[]>;

export type Column = keyof typeof COLUMNS;
export const REQUIRED: Column[] = ["Name", "Status"];

const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, " ").trim();

const LOOKUP = new Map<string, Column>();
for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
  LOOKUP.set(key(column), column);
  LOOKUP.set(column.toLowerCase(), column);
  for (const a of aliases) LOOKUP.set(key(a), column);
}

export interface HeaderMap {
  /** Where each known column is, and the heading as the file spells it (for messages). */
  index: Map<Column, { at: number; heading: string }>;
  /** Headings that are not import columns; they are ignored. */
  unknown: string[];
  /** Problems with the header itself. */
  problems: string[];
}

export function mapHeader(header: string[]): HeaderMap {
  const index = new Map<Column, { at: number; heading: string }>();
  const unknown: string[] = [];
  const problems: string[] = [];
  header.forEach((heading, at) => {
    if (!heading) return;
    const column = LOOKUP.get(key(heading)) ?? LOOKUP.get(heading.toLowerCase().replace(/[\s_-]+/g, ""));
    if (!column) unknown.push(heading);
    else if (index.has(column)) problems.push(`The columns "${index.get(column)!.heading}" and "${heading}" both hold ${column}; keep one.`);
    else index.set(column, { at, heading });
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) problems.push(`The header has no ${missing.join(" or ")} column. The first row must name the columns; the import knows: ${Object.keys(COLUMNS).join(", ")}.`);
  return { index, unknown, problems };
}

// Every row of a register read and checked before anything is written: each problem names its row and column.
import { normaliseIdentity } from "../../shared/address";
import { characters, FREE_TEXT_MAX, SINGLE_LINE_MAX } from "../../shared/domain/limits";
import { caseRefSchema, customerSchema, type Customer } from "../../shared/domain/records";
import type { RestrictionParams } from "../../shared/domain/restriction-params";
import { CUSTOMER_KINDS, CUSTOMER_STATUSES, type CustomerKind, type CustomerStatus, type IdentityKind } from "../../shared/domain/vocab";
import { getPreset, PRESET_IDS } from "../../shared/presets/registry";
import { kindModule } from "../../shared/restrictions/kinds";
import { mapHeader, type Column, type HeaderMap } from "./columns";
import type { CsvTable } from "./csv";
import { readAllowedChannel, readDate, readList, readRestrictions } from "./values";

export interface Problem {
  /** Spreadsheet row (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column's heading as the file spells it; null for the whole row. */
  column: string | null;
  message: string;
}

export function problemText(p: Problem): string {
  if (p.row === null) return p.message;
  return `Row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message}`;
}

export interface RegisterIdentity {
  kind: IdentityKind;
  value: string;
  /** The heading it came from, for messages. */
  column: string;
}

export interface RegisterRow {
  row: number;
  customer: Omit<Customer, "id" | "etag" | "caseRef"> & { caseRef?: string };
  identities: RegisterIdentity[];
  restrictions: RestrictionParams[];
  restrictionsFrom: string;
  restrictionsUntil: string | null;
  reviews: { kind: "ScheduledReview" | "MonitoringEnd"; dueBy: string }[];
}

export interface ReadOptions {
  /** The policy for rows with no Policy column (or an empty cell). */
  defaultPolicy?: string;
  now?: Date;
}

export interface RegisterReading {
  rows: RegisterRow[];
  problems: Problem[];
  /** Things worth saying that do not stop the import (ignored columns). */
  notes: string[];
}

const TEXT_LIMITS: [Column, number][] = [
  ["Name", SINGLE_LINE_MAX],
  ["ServiceAreas", SINGLE_LINE_MAX],
  ["SpocName", SINGLE_LINE_MAX],
  ["StaffGuidance", FREE_TEXT_MAX],
  ["Adjustments", FREE_TEXT_MAX],
];

/** As many as one Imported step holds (the log's schema). */
const MAX_ADDRESSES = 200;

const KIND_WORDS: Record<string, CustomerKind> = { person: "Individual", individual: "Individual", group: "Group", organisation: "Organisation", organization: "Organisation", company: "Organisation" };

function caseRef(raw: string): string | null {
  const m = /^UPC[-\s]?(\d+)$/i.exec(raw.trim());
  if (!m) return null;
  const value = `UPC-${m[1].padStart(4, "0")}`;
  return caseRefSchema.safeParse(value).success ? value : null;
}

export function readRegister(table: CsvTable, options: ReadOptions = {}): RegisterReading {
  const header: HeaderMap = mapHeader(table.header);
  const problems: Problem[] = header.problems.map((message) => ({ row: null, column: null, message }));
  const notes = header.unknown.length ? [`These columns are not imported and are left out: ${header.unknown.map((h) => `"${h}"`).join(", ")}.`] : [];
  if (header.problems.length) return { rows: [], problems, notes };
  if (table.records.length === 0) problems.push({ row: null, column: null, message: "The file has a header but no rows to import." });

  const now = options.now ?? new Date();
  const defaultPolicy = options.defaultPolicy?.trim();
  if (defaultPolicy && !getPreset(defaultPolicy)) problems.push({ row: null, column: null, message: `The default policy "${defaultPolicy}" is not one of the presets (${PRESET_IDS.join(", ")}).` });

  const rows: RegisterRow[] = [];
  const seenRefs = new Map<string, number>();
  const seenAddresses = new Map<string, number>();

  for (const record of table.records) {
    const row = record.row;
    const rowProblems: Problem[] = [];
    const heading = (c: Column) => header.index.get(c)?.heading ?? c;
    const cell = (c: Column) => {
      const at = header.index.get(c)?.at;
      return at === undefined ? "" : (record.cells[at] ?? "").trim();
    };
    const problem = (c: Column | null, message: string) => rowProblems.push({ row, column: c ? heading(c) : null, message });
    const date = (c: Column): string | null => {
      const raw = cell(c);
      if (!raw) return null;
      const d = readDate(raw);
      if (!d.ok) problem(c, d.error);
      return d.ok ? d.value : null;
    };

    const name = cell("Name");
    if (!name) problem("Name", "the customer's name is empty.");
    // Checked here so that a long cell is found by the dry run, not half-way through writing.
    for (const [c, max] of TEXT_LIMITS) {
      const length = cell(c).length;
      if (length > max) problem(c, `this cell is ${characters(length)} characters long and ${max === SINGLE_LINE_MAX ? "SharePoint holds" : "the register holds"} at most ${characters(max)} here. Shorten it (a long note can live in a document, with its name here).`);
    }

    let ref: string | undefined;
    if (cell("CaseRef")) {
      const r = caseRef(cell("CaseRef"));
      if (!r) problem("CaseRef", `"${cell("CaseRef")}" is not a case reference; write it as UPC-0007.`);
      else if (seenRefs.has(r)) problem("CaseRef", `${r} is also on row ${seenRefs.get(r)}; each customer has one row.`);
      else {
        ref = r;
        seenRefs.set(r, row);
      }
    }

    let kind: CustomerKind = "Individual";
    if (cell("Kind")) {
      const k = KIND_WORDS[cell("Kind").toLowerCase()];
      if (!k) problem("Kind", `"${cell("Kind")}" is not a kind of customer (${CUSTOMER_KINDS.join(", ")}).`);
      else kind = k;
    }

    let status: CustomerStatus | undefined;
    const rawStatus = cell("Status");
    if (!rawStatus) problem("Status", `the status is empty (${CUSTOMER_STATUSES.join(", ")}).`);
    else {
      status = CUSTOMER_STATUSES.find((s) => s.toLowerCase() === rawStatus.toLowerCase());
      if (!status) problem("Status", `"${rawStatus}" is not a status (${CUSTOMER_STATUSES.join(", ")}).`);
    }

    const policyId = cell("Policy") || defaultPolicy || "";
    const preset = policyId ? getPreset(policyId) : undefined;
    if (!policyId) problem("Policy", `no policy is given; fill the column or run the import with --policy (${PRESET_IDS.join(", ")}).`);
    else if (!preset) problem("Policy", `"${policyId}" is not one of the policies (${PRESET_IDS.join(", ")}).`);

    const identities: RegisterIdentity[] = [];
    const addresses = (c: Column, kind: IdentityKind, separators: RegExp) => {
      for (const raw of readList(cell(c), separators)) {
        const n = normaliseIdentity(kind, raw);
        if (!n.ok) {
          problem(c, n.error);
          continue;
        }
        const earlier = seenAddresses.get(n.value);
        if (earlier !== undefined) problem(c, earlier === row ? `${n.value} is given twice.` : `${n.value} is also on row ${earlier}; an address belongs to one customer.`);
        else {
          seenAddresses.set(n.value, row);
          identities.push({ kind, value: n.value, column: heading(c) });
        }
      }
    };
    addresses("Emails", "Email", /[;,\n]/);
    addresses("Phones", "Phone", /[;,\n]/);
    addresses("Domains", "Domain", /[;,\n]/);
    if (identities.length > MAX_ADDRESSES) problem(null, `the row holds ${identities.length} addresses; one customer can be imported with at most ${MAX_ADDRESSES}. Import the rest as a second file once this one is in.`);
    if (!ref && identities.length === 0 && rowProblems.length === 0) {
      problem(null, "give a CaseRef or at least one address (Emails, Phones or Domains), so the row can be matched if the import is run again.");
    }

    const person = (c: Column): string | null => {
      const raw = cell(c);
      if (!raw) return null;
      const n = normaliseIdentity("Email", raw);
      if (!n.ok) problem(c, n.error);
      return n.ok ? n.value : null;
    };
    const spocUpn = person("Spoc");
    const spocDeputyUpn = person("SpocDeputy");
    const spocName = cell("SpocName") || null;
    if (spocName && !spocUpn && !cell("Spoc")) problem("SpocName", "there is a SPOC name but no SPOC e-mail address; give the officer's work address too.");

    const allowedChannels = readList(cell("AllowedChannels")).flatMap((raw) => {
      const c = readAllowedChannel(raw);
      if (!c) problem("AllowedChannels", `"${raw}" is not a channel a customer can be allowed (Email, Phone, Letter, InPerson, Web).`);
      return c ? [c] : [];
    });

    const restrictions = readRestrictions(cell("Restrictions"));
    for (const e of restrictions.errors) problem("Restrictions", e);
    if (preset) {
      for (const r of restrictions.value) {
        if (!preset.restrictions.kinds.includes(r.kind)) problem("Restrictions", `the policy ${preset.id} does not provide for ${r.kind} (it allows: ${preset.restrictions.kinds.join(", ") || "none"}).`);
      }
    }
    const restrictionsFrom = date("RestrictionsFrom");
    const restrictionsUntil = date("RestrictionsUntil");
    const reviewDue = date("ReviewDue");
    const monitoringEnds = date("MonitoringEnds");
    const retainUntil = date("RetainUntil");

    // A date already past would make the product act the moment the row lands: purge, lapse or open a review.
    const past = (c: Column, value: string | null, consequence: string, fix: string) => {
      if (value && new Date(value) <= now) problem(c, `${cell(c)} has already passed, so ${consequence} as soon as the row is imported. ${fix}`);
    };
    past("RetainUntil", retainUntil, "the customer's record would be deleted", "Give the date the record may be deleted from, or leave the cell empty so the policy's retention period applies.");
    if (status === "Restricted") {
      past("ReviewDue", reviewDue, "the restrictions would be overdue for review", "Hold the review first and give the date the next one is due.");
      past("RestrictionsUntil", restrictionsUntil, "the restrictions would lapse", "If they have ended, import the customer as Closed or Observed; otherwise give the date they now end.");
    }
    if (status === "Monitoring") past("MonitoringEnds", monitoringEnds, "the end-of-monitoring review would open", "Give the date monitoring now ends, or import the outcome as the customer's status.");

    if (status && restrictions.value.length && status !== "Restricted") problem("Restrictions", `restrictions apply only while a customer is Restricted (this row's status is ${status}).`);
    if (status === "Restricted" && restrictions.value.length === 0 && restrictions.errors.length === 0) problem("Restrictions", "a Restricted customer needs at least one restriction, so that staff are told what it means.");
    if (status === "Restricted" && !reviewDue && !cell("ReviewDue")) problem("ReviewDue", "a Restricted customer needs the date their restrictions are next reviewed.");
    if (status === "Monitoring" && !monitoringEnds && !cell("MonitoringEnds")) problem("MonitoringEnds", "a customer under monitoring needs the date monitoring ends.");
    if (restrictionsFrom && restrictionsUntil && restrictionsUntil <= restrictionsFrom) problem("RestrictionsUntil", "the restrictions end before they start.");
    const needsEnd = restrictions.value.find((r) => kindModule(r.kind).endRequired);
    if (needsEnd && !restrictionsUntil && !cell("RestrictionsUntil")) problem("RestrictionsUntil", `a ${needsEnd.kind} restriction needs the date it ends.`);

    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    const singleChannel = restrictions.value.find((r) => r.kind === "SingleChannel");
    const customer = {
      name,
      ...(ref ? { caseRef: ref } : {}),
      kind,
      status: status!,
      policyId,
      serviceAreas: cell("ServiceAreas"),
      spocUpn,
      spocName,
      spocDeputyUpn,
      allowedChannels: allowedChannels.length ? allowedChannels : singleChannel && singleChannel.kind === "SingleChannel" ? [singleChannel.channel] : [],
      staffGuidance: cell("StaffGuidance"),
      adjustments: cell("Adjustments"),
      monitoringEnds,
      reviewDue,
      retainUntil,
    };
    // The same check the repository makes, so nothing is found wrong half-way through writing.
    const checked = customerSchema.safeParse({ ...customer, caseRef: ref ?? "UPC-0000" });
    if (!checked.success) {
      problems.push(...checked.error.issues.map((i) => ({ row, column: null, message: `${i.path.join(".")}: ${i.message}` })));
      continue;
    }
    const reviews: RegisterRow["reviews"] = [];
    if (status === "Restricted" && reviewDue) reviews.push({ kind: "ScheduledReview", dueBy: reviewDue });
    if (status === "Monitoring" && monitoringEnds) reviews.push({ kind: "MonitoringEnd", dueBy: monitoringEnds });
    rows.push({ row, customer, identities, restrictions: restrictions.value, restrictionsFrom: restrictionsFrom ?? now.toISOString(), restrictionsUntil, reviews });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, problems, notes };
}

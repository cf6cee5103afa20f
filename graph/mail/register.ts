// The register as the flagging service follows it: list item delta on UpcCustomers and UpcIdentities, in one $batch.
// The rows only say which customers changed; what the service believes about them comes from their log.
import { CUSTOMER_COLUMNS } from "../caselog/projection-fields";
import { readDelta, type DeltaChange, type DeltaRound } from "../repos/delta";
import type { Site } from "../repos/items";

export type RegisterList = "identities" | "customers";
export type RegisterChange = DeltaChange;
export type RegisterRound = DeltaRound;

const SPECS = [
  { list: "identities" as const, fields: ["Title", "Kind", "CustomerLookupId"] },
  // Every column the log decides, so a hand edit of any of them is seen; the caller keeps only status and step
  // between rounds (no names are held in memory).
  { list: "customers" as const, fields: [...CUSTOMER_COLUMNS] },
];

export function readRegisterDelta(site: Site, links: Partial<Record<RegisterList, string>>): Promise<RegisterRound> {
  return readDelta(site, SPECS, links);
}

// Who may do what on each list (DESIGN.md "Roles and the register's one writer"): people read; Staff may only add a
// contact; the case service, signed in as the app, writes everything else. Applied through SharePoint REST.
import type { Role } from "../../shared/domain/vocab";
import { LISTS, type ListKey } from "./lists";

/** Permission levels, from least to most. AddOnly is the custom level provisioning creates. */
export type Level = "Read" | "AddOnly" | "FullControl";

// SP.BasePermissions (low word): ViewListItems 0x1, AddListItems 0x2, EditListItems 0x4, DeleteListItems 0x8,
// OpenItems 0x20, ViewVersions 0x40, ViewFormPages 0x1000, Open 0x10000, ViewPages 0x20000, BrowseUserInfo 0x2000000.
// (learn.microsoft.com/previous-versions/office/sharepoint-csom/ee536458(v=office.15) lists the bits.)
const VIEW = 0x1 | 0x20 | 0x40 | 0x1000 | 0x10000 | 0x20000 | 0x2000000;
export const CUSTOM_LEVELS = {
  AddOnly: { name: "UPC Add only", description: "View and add items; no edits and no deletes.", low: VIEW | 0x2 },
} as const;

export const BUILT_IN_LEVELS = { Read: 1073741826, FullControl: 1073741829 } as const;

const READERS: Partial<Record<Role, Level>> = { Staff: "Read", Manager: "Read", Decider: "Read", Reviewer: "Read", Admin: "FullControl" };

/**
 * Nobody but an administrator (for repair) can change a controlled list: SharePoint has no column or row rules, so
 * the workflow is enforced by the case service, which alone writes them. Staff add contacts (the pane logs a mail with
 * one request even when the service is down) but can neither edit nor delete one.
 */
export const PERMISSIONS: Record<ListKey, Partial<Record<Role, Level>>> = {
  customers: READERS,
  identities: READERS,
  contacts: { ...READERS, Staff: "AddOnly" },
  cases: READERS,
  restrictions: READERS,
  reviews: READERS,
  letters: READERS,
  caseEvents: READERS,
  sensitive: { Decider: "Read", Admin: "FullControl" },
  outbox: { Manager: "Read", Decider: "Read", Admin: "FullControl" },
  serviceState: { Admin: "FullControl" },
};

/** The lists only the case service writes (everything but the contact log and its own state). */
export const CONTROLLED_LISTS: ListKey[] = ["customers", "identities", "cases", "restrictions", "reviews", "letters", "sensitive", "caseEvents", "outbox"];

export { LISTS };

// Who may do what on each list (DESIGN.md "Roles"): applied by provisioning through SharePoint REST, enforced by SharePoint.
import type { Role } from "../../shared/domain/vocab";
import { LISTS, type ListKey } from "./lists";

/** Permission levels, from least to most. Add and AddEdit are custom levels provisioning creates. */
export type Level = "Read" | "Add" | "AddEdit" | "Contribute" | "FullControl";

// SP.BasePermissions (low word): ViewListItems 0x1, AddListItems 0x2, EditListItems 0x4, DeleteListItems 0x8,
// OpenItems 0x20, ViewVersions 0x40, ViewFormPages 0x1000, Open 0x10000, ViewPages 0x20000, BrowseUserInfo 0x2000000.
const BASE = 0x1 | 0x20 | 0x40 | 0x1000 | 0x10000 | 0x20000 | 0x2000000;
export const CUSTOM_LEVELS = {
  Add: { name: "UPC Add", description: "View and add items; no edits or deletes.", low: BASE | 0x2 },
  AddEdit: { name: "UPC Add and edit", description: "View, add and edit items; no deletes.", low: BASE | 0x2 | 0x4 },
} as const;

export const BUILT_IN_LEVELS = { Read: 1073741826, Contribute: 1073741827, FullControl: 1073741829 } as const;

export const PERMISSIONS: Record<ListKey, Partial<Record<Role, Level>>> = {
  customers: { Staff: "AddEdit", Manager: "AddEdit", Decider: "Contribute", Reviewer: "AddEdit", Admin: "FullControl" },
  identities: { Staff: "AddEdit", Manager: "Contribute", Decider: "Contribute", Reviewer: "AddEdit", Admin: "FullControl" },
  contacts: { Staff: "AddEdit", Manager: "Contribute", Decider: "Contribute", Reviewer: "Read", Admin: "FullControl" },
  cases: { Staff: "Add", Manager: "AddEdit", Decider: "AddEdit", Reviewer: "Read", Admin: "FullControl" },
  restrictions: { Staff: "Read", Manager: "Read", Decider: "Contribute", Reviewer: "Contribute", Admin: "FullControl" },
  reviews: { Staff: "Add", Manager: "AddEdit", Decider: "AddEdit", Reviewer: "AddEdit", Admin: "FullControl" },
  letters: { Staff: "Add", Manager: "Contribute", Decider: "Contribute", Reviewer: "AddEdit", Admin: "FullControl" },
  sensitive: { Decider: "Contribute", Admin: "FullControl" },
  serviceState: { Admin: "FullControl" },
};

export { LISTS };

// Whether a row of any list reads as the product needs it: the same readers the product uses, so what this calls a
// problem is exactly what the product would have to leave out.
import { normaliseIdentity } from "../../shared/address";
import { IDENTITY_KINDS, type IdentityKind } from "../../shared/domain/vocab";
import { eventFromItem } from "../caselog/event-rows";
import { LISTS, type ListKey } from "../schema/lists";
import { caseFromItem } from "./cases";
import { contactFromItem } from "./contacts";
import { customerFromItem } from "./customers";
import { lookupId, str, type Fields } from "./fields";
import type { ListItem } from "./items";
import { letterFromItem } from "./letters";
import { problemOf, type RowProblem } from "./problems";
import { restrictionFromItem } from "./restrictions";
import { reviewFromItem } from "./reviews";

/** The lists a problem can be found in (the service's own state and outbox are its own business). */
export const CHECKED_LISTS: ListKey[] = ["customers", "identities", "contacts", "cases", "restrictions", "reviews", "letters", "sensitive", "caseEvents"];

const problem = (list: ListKey, item: ListItem, column: string, words: string): RowProblem => ({ list: LISTS[list], itemId: String(item.id), column, problem: words });

function identityProblem(item: ListItem): RowProblem | null {
  const f = item.fields as Fields;
  const kind = str(f, "Kind");
  if (!(IDENTITY_KINDS as readonly string[]).includes(kind)) return problem("identities", item, "Kind", `"${kind}" is not one of: ${IDENTITY_KINDS.join(", ")}.`);
  const n = normaliseIdentity(kind as IdentityKind, str(f, "Title"));
  if (!n.ok) return problem("identities", item, "Title", n.error);
  if (n.value !== str(f, "Title")) return problem("identities", item, "Title", `The address is not in its normal form; it should read ${n.value}.`);
  if (!lookupId(f, "Customer")) return problem("identities", item, "Customer", "The address names no customer.");
  return null;
}

/** The row's problem, or null when it reads. */
export function checkRow(list: ListKey, item: ListItem): RowProblem | null {
  try {
    switch (list) {
      case "customers":
        customerFromItem(item);
        return null;
      case "identities":
        return identityProblem(item);
      case "contacts":
        contactFromItem(item);
        return null;
      case "cases":
        caseFromItem(item);
        return null;
      case "restrictions":
        restrictionFromItem(item);
        return null;
      case "reviews":
        reviewFromItem(item);
        return null;
      case "letters":
        letterFromItem(item);
        return null;
      case "sensitive":
        return lookupId(item.fields as Fields, "Customer") ? null : problem("sensitive", item, "Customer", "The note names no customer.");
      case "caseEvents": {
        const r = eventFromItem(item);
        return r.ok ? null : r.problem;
      }
      default:
        return null;
    }
  } catch (e) {
    return problemOf(list, item, e);
  }
}

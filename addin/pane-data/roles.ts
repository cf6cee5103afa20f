// Role checks for shaping the pane (SharePoint enforces; the UI only hides what would be refused).
import type { Role } from "../../shared/domain/vocab";

export function hasRole(roles: readonly Role[], ...wanted: Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

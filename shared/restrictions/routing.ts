// Emergencies and statutory requests go their own way: no restriction blocks them (DESIGN.md, POLICIES.md).
import type { Routing, RoutedPurpose } from "./types";

const STATUTORY: Record<Exclude<RoutedPurpose, "Emergency">, string> = {
  FOI: "Freedom of Information request",
  EIR: "Environmental Information request",
  SubjectAccess: "Subject access request",
};

export function routeFor(purpose: RoutedPurpose): Routing {
  if (purpose === "Emergency") {
    return {
      to: "EmergencyServices",
      message: "Emergency: deal with it now. No restriction applies to an emergency; if someone is in danger, call 999.",
    };
  }
  return {
    to: "InformationGovernance",
    message: `${STATUTORY[purpose]}: pass it to information governance today. No restriction applies to a statutory request; it is handled under its own law and deadlines.`,
  };
}

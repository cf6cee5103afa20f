// Graph's error answers for mail, with the codes and messages Exchange Online gives.
import { GraphError } from "../core/types";

export function accessDenied(): GraphError {
  return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
}

export function invalidUser(who: string): GraphError {
  return new GraphError(404, "ErrorInvalidUser", `The requested user '${who}' is invalid.`);
}

export function itemNotFound(): GraphError {
  return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

export function badRequest(message: string, code = "ErrorInvalidRequest"): GraphError {
  return new GraphError(400, code, message);
}

export function unknownProperty(name: string, type: string): GraphError {
  return new GraphError(400, "RequestBroker--ParseUri", `Could not find a property named '${name}' on type '${type}'.`);
}

export function unknownBodyProperty(name: string, type: string): GraphError {
  return new GraphError(
    400,
    "BadRequest",
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

export function meNeedsDelegated(): GraphError {
  return new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
}

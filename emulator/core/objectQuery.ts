// Evaluates $filter and applies $select on plain Graph objects (users, groups, lists) as Graph's directory does.
import type { Literal } from "./odata";
import { parseFilter, type FilterExpr } from "./propertyFilter";
import { parseSelect } from "./queryOptions";
import { GraphError } from "./types";

type Obj = Record<string, unknown>;

function unsupported(prop: string, type: string): GraphError {
  return new GraphError(400, "Request_UnsupportedQuery", `Unsupported or invalid query filter clause specified for property '${prop}' of resource '${type}'.`);
}

function litValue(l: Literal): unknown {
  return l.v;
}

/** Directory string comparisons are case-insensitive, as they are for mail and userPrincipalName in Entra ID. */
function norm(v: unknown): unknown {
  return typeof v === "string" ? v.toLowerCase() : v;
}

function test(e: FilterExpr, o: Obj, allowed: Set<string>, type: string): boolean {
  switch (e.t) {
    case "and":
      return test(e.a, o, allowed, type) && test(e.b, o, allowed, type);
    case "or":
      return test(e.a, o, allowed, type) || test(e.b, o, allowed, type);
    case "not":
      return !test(e.e, o, allowed, type);
    case "startswith": {
      if (!allowed.has(e.path)) throw unsupported(e.path, type);
      const v = o[e.path];
      return typeof v === "string" && v.toLowerCase().startsWith(String(litValue(e.value)).toLowerCase());
    }
    case "cmp": {
      if (!allowed.has(e.path)) throw unsupported(e.path, type);
      const a = norm(o[e.path] ?? null);
      const b = norm(litValue(e.value));
      switch (e.op) {
        case "eq":
          return a === b;
        case "ne":
          return a !== b;
        default:
          throw new GraphError(400, "Request_UnsupportedQuery", `Operator '${e.op}' is not supported for property '${e.path}'.`);
      }
    }
  }
}

export function filterObjects<T extends Obj>(items: T[], filter: string | undefined, allowed: string[], type: string): T[] {
  if (!filter) return items;
  const expr = parseFilter(filter);
  const set = new Set(allowed);
  return items.filter((o) => test(expr, o, set, type));
}

export function selectProps(o: Obj, select: string | undefined, type: string): Obj {
  const props = parseSelect(select);
  if (!props) return o;
  const out: Obj = {};
  if ("@odata.type" in o) out["@odata.type"] = o["@odata.type"];
  for (const p of props) {
    if (!(p in o)) throw new GraphError(400, "BadRequest", `Could not find a property named '${p}' on type 'microsoft.graph.${type}'.`);
    out[p] = o[p];
  }
  if (!props.includes("id")) out.id = o.id;
  return out;
}

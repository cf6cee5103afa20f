// Evaluating a parsed message $filter against one message as Exchange does: case-insensitive strings, datetimes as instants.
import type { Operand } from "../core/odata";
import type { Expr } from "./filter";

type Resolver = (topLevel: string) => unknown;

function descend(value: unknown, segs: string[]): unknown {
  let v = value;
  for (const s of segs) {
    if (v === null || v === undefined || typeof v !== "object") return undefined;
    const key = Object.keys(v).find((k) => k.toLowerCase() === s.toLowerCase());
    v = key === undefined ? undefined : (v as Record<string, unknown>)[key];
  }
  return v;
}

function valueOf(o: Operand, resolve: Resolver, scope: Map<string, unknown>): unknown {
  if (o.t === "lit") return o.v;
  const [head, ...rest] = o.segs;
  if (scope.has(head)) return descend(scope.get(head), rest);
  return descend(resolve(head.toLowerCase()), rest);
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T/;

function compare(a: unknown, b: unknown): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === "string" && typeof b === "string") {
    if (ISO_PREFIX.test(a) && ISO_PREFIX.test(b)) {
      const da = Date.parse(a);
      const db = Date.parse(b);
      if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
    }
    // Exchange compares strings without regard to case.
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  return undefined;
}

function evalIn(e: Expr, resolve: Resolver, scope: Map<string, unknown>): boolean {
  switch (e.t) {
    case "and":
      return evalIn(e.a, resolve, scope) && evalIn(e.b, resolve, scope);
    case "or":
      return evalIn(e.a, resolve, scope) || evalIn(e.b, resolve, scope);
    case "not":
      return !evalIn(e.e, resolve, scope);
    case "bool":
      return valueOf(e.path, resolve, scope) === true;
    case "cmp": {
      const a = valueOf(e.left, resolve, scope);
      const b = valueOf(e.right, resolve, scope);
      if (e.op === "eq" || e.op === "ne") {
        const same = (a === null || a === undefined) && (b === null || b === undefined) ? true : compare(a, b) === 0;
        return e.op === "eq" ? same : !same;
      }
      const c = compare(a, b);
      if (c === undefined) return false;
      return e.op === "lt" ? c < 0 : e.op === "le" ? c <= 0 : e.op === "gt" ? c > 0 : c >= 0;
    }
    case "fn": {
      const a = valueOf(e.args[0], resolve, scope);
      const b = valueOf(e.args[1], resolve, scope);
      if (typeof a !== "string" || typeof b !== "string") return false;
      const la = a.toLowerCase();
      const lb = b.toLowerCase();
      return e.name === "contains" ? la.includes(lb) : e.name === "startswith" ? la.startsWith(lb) : la.endsWith(lb);
    }
    case "lambda": {
      const coll = valueOf({ t: "path", segs: e.coll }, resolve, scope);
      const items = Array.isArray(coll) ? coll : [];
      if (!e.body || !e.v) return e.kind === "any" ? items.length > 0 : true;
      const test = (item: unknown) => {
        const inner = new Map(scope);
        inner.set(e.v as string, item);
        return evalIn(e.body as Expr, resolve, inner);
      };
      return e.kind === "any" ? items.some(test) : items.every(test);
    }
  }
}

export function evaluate(e: Expr, resolve: Resolver): boolean {
  return evalIn(e, resolve, new Map());
}

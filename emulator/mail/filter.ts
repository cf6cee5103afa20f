// $filter for messages as Exchange evaluates it: comparisons, and/or/not, string functions and any/all lambdas.
import { GraphError } from "../core/types";
import { unknownProperty } from "./errors";

type Lit = { t: "lit"; v: string | number | boolean | null; kind: "string" | "number" | "bool" | "null" | "datetime" };
type PathOp = { t: "path"; segs: string[] };
type Operand = Lit | PathOp;
export type CmpOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export type Expr =
  | { t: "and" | "or"; a: Expr; b: Expr }
  | { t: "not"; e: Expr }
  | { t: "cmp"; op: CmpOp; left: Operand; right: Operand }
  | { t: "fn"; name: "contains" | "startswith" | "endswith"; args: Operand[] }
  | { t: "lambda"; kind: "any" | "all"; coll: string[]; v?: string; body?: Expr }
  | { t: "bool"; path: PathOp };

type Tok = { k: "p"; v: string } | { k: "s"; v: string } | { k: "n"; v: number } | { k: "d"; v: string } | { k: "w"; v: string };

const CMP = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/;
const NUMBER = /^-?\d+(\.\d+)?/;
const WORD = /^[A-Za-z_@$][A-Za-z0-9_@$.]*/;

function invalid(detail: string): GraphError {
  return new GraphError(400, "BadRequest", `Invalid filter clause: ${detail}`);
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ("(),:/".includes(c)) {
      out.push({ k: "p", v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= src.length) throw invalid("unterminated string literal");
        if (src[i] === "'") {
          // OData escapes a quote inside a string literal by doubling it.
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ k: "s", v });
      continue;
    }
    const rest = src.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      out.push({ k: "d", v: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      out.push({ k: "n", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const w = WORD.exec(rest);
    if (w) {
      out.push({ k: "w", v: w[0] });
      i += w[0].length;
      continue;
    }
    throw invalid(`unexpected character '${c}'`);
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Expr {
    const e = this.or();
    if (this.pos < this.toks.length) throw invalid("unexpected trailing input");
    return e;
  }

  private word(): string | undefined {
    const t = this.toks[this.pos];
    return t?.k === "w" ? t.v.toLowerCase() : undefined;
  }

  private isP(v: string, at = this.pos): boolean {
    const t = this.toks[at];
    return t?.k === "p" && t.v === v;
  }

  private expectP(v: string): void {
    if (!this.isP(v)) throw invalid(`expected '${v}'`);
    this.pos++;
  }

  private or(): Expr {
    let e = this.and();
    while (this.word() === "or") {
      this.pos++;
      e = { t: "or", a: e, b: this.and() };
    }
    return e;
  }

  private and(): Expr {
    let e = this.unary();
    while (this.word() === "and") {
      this.pos++;
      e = { t: "and", a: e, b: this.unary() };
    }
    return e;
  }

  private unary(): Expr {
    if (this.word() === "not") {
      this.pos++;
      return { t: "not", e: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.toks[this.pos];
    if (!t) throw invalid("unexpected end of expression");
    let e: Expr;
    if (t.k === "p" && t.v === "(") {
      this.pos++;
      e = this.or();
      this.expectP(")");
    } else if (t.k === "w" && this.isP("(", this.pos + 1) && ["contains", "startswith", "endswith"].includes(t.v.toLowerCase())) {
      this.pos += 2;
      const args = [this.operand()];
      while (this.isP(",")) {
        this.pos++;
        args.push(this.operand());
      }
      this.expectP(")");
      if (args.length !== 2) throw invalid(`${t.v} takes two arguments`);
      e = { t: "fn", name: t.v.toLowerCase() as "contains", args };
    } else {
      const left = this.operandOrLambda();
      if (left.t === "lambdaExpr") return left.e;
      const op = this.word();
      if (!op || !CMP.has(op)) {
        if (left.t === "path") return { t: "bool", path: left };
        throw invalid("expected a comparison operator");
      }
      this.pos++;
      const right = this.operand();
      return { t: "cmp", op: op as CmpOp, left, right };
    }
    // `startswith(subject,'x') eq true` and `(…) eq false` are accepted by Graph.
    const w = this.word();
    const next = this.toks[this.pos + 1];
    if ((w === "eq" || w === "ne") && next?.k === "w" && ["true", "false"].includes(next.v.toLowerCase())) {
      this.pos += 2;
      const wantTrue = (next.v.toLowerCase() === "true") === (w === "eq");
      return wantTrue ? e : { t: "not", e };
    }
    return e;
  }

  /** A path, which may end in /any(v:…) or /all(v:…). */
  private operandOrLambda(): Operand | { t: "lambdaExpr"; e: Expr } {
    const t = this.toks[this.pos];
    if (t?.k !== "w" || ["true", "false", "null"].includes(t.v.toLowerCase())) return this.operand();
    const segs = [t.v];
    this.pos++;
    while (this.isP("/")) {
      this.pos++;
      const s = this.toks[this.pos];
      if (s?.k !== "w") throw invalid("expected a property name after '/'");
      const name = s.v.toLowerCase();
      if ((name === "any" || name === "all") && this.isP("(", this.pos + 1)) {
        this.pos += 2;
        if (this.isP(")")) {
          this.pos++;
          return { t: "lambdaExpr", e: { t: "lambda", kind: name, coll: segs } };
        }
        const v = this.toks[this.pos];
        if (v?.k !== "w") throw invalid("expected a lambda variable");
        this.pos++;
        this.expectP(":");
        const body = this.or();
        this.expectP(")");
        return { t: "lambdaExpr", e: { t: "lambda", kind: name, coll: segs, v: v.v, body } };
      }
      segs.push(s.v);
      this.pos++;
    }
    return { t: "path", segs };
  }

  private operand(): Operand {
    const t = this.toks[this.pos++];
    if (!t) throw invalid("unexpected end of expression");
    switch (t.k) {
      case "s":
        return { t: "lit", v: t.v, kind: "string" };
      case "n":
        return { t: "lit", v: t.v, kind: "number" };
      case "d":
        return { t: "lit", v: t.v, kind: "datetime" };
      case "w": {
        const w = t.v.toLowerCase();
        if (w === "true" || w === "false") return { t: "lit", v: w === "true", kind: "bool" };
        if (w === "null") return { t: "lit", v: null, kind: "null" };
        this.pos--;
        const p = this.operandOrLambda();
        if (p.t !== "path") throw invalid("a lambda cannot be compared");
        return p;
      }
      default:
        throw invalid(`unexpected '${t.v}'`);
    }
  }
}

/** Property names a filter may use, lower-cased, for the type named in errors. */
export interface FilterSchema {
  typeName: string;
  properties: Set<string>;
}

export function parseFilter(src: string, schema: FilterSchema): Expr {
  const e = new Parser(tokenize(src)).parse();
  checkPaths(e, schema, []);
  return e;
}

function checkPaths(e: Expr, schema: FilterSchema, vars: string[]): void {
  const check = (o: Operand) => {
    if (o.t !== "path") return;
    if (vars.includes(o.segs[0])) return;
    if (!schema.properties.has(o.segs[0].toLowerCase())) throw unknownProperty(o.segs[0], schema.typeName);
  };
  switch (e.t) {
    case "and":
    case "or":
      checkPaths(e.a, schema, vars);
      checkPaths(e.b, schema, vars);
      break;
    case "not":
      checkPaths(e.e, schema, vars);
      break;
    case "cmp":
      check(e.left);
      check(e.right);
      break;
    case "fn":
      e.args.forEach(check);
      break;
    case "bool":
      check(e.path);
      break;
    case "lambda":
      check({ t: "path", segs: e.coll });
      if (e.body) checkPaths(e.body, schema, e.v ? [...vars, e.v] : vars);
      break;
  }
}

/** Top-level properties a filter references, in order of appearance (for Exchange's $orderby rule). */
export function filterProperties(e: Expr, out: string[] = [], vars: string[] = []): string[] {
  const add = (o: Operand) => {
    if (o.t === "path" && !vars.includes(o.segs[0])) out.push(o.segs[0].toLowerCase());
  };
  switch (e.t) {
    case "and":
    case "or":
      filterProperties(e.a, out, vars);
      filterProperties(e.b, out, vars);
      break;
    case "not":
      filterProperties(e.e, out, vars);
      break;
    case "cmp":
      add(e.left);
      add(e.right);
      break;
    case "fn":
      e.args.forEach(add);
      break;
    case "bool":
      add(e.path);
      break;
    case "lambda":
      out.push(e.coll[0].toLowerCase());
      break;
  }
  return out;
}

/** The value of `internetMessageId eq '…'` when the filter requires it (anded at top level), so an index can answer. */
export function requiredEquality(e: Expr, property: string): string | undefined {
  if (e.t === "and") return requiredEquality(e.a, property) ?? requiredEquality(e.b, property);
  if (e.t !== "cmp" || e.op !== "eq") return undefined;
  const [p, l] = e.left.t === "path" ? [e.left, e.right] : [e.right, e.left];
  if (p.t === "path" && l.t === "lit" && typeof l.v === "string" && p.segs.length === 1 && p.segs[0].toLowerCase() === property) return l.v;
  return undefined;
}

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

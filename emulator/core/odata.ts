// OData query options as Graph accepts them: $filter parsed to a tree, $orderby, $select and $expand lists.
import { GraphError } from "./types";

export type Literal =
  | { t: "lit"; kind: "string"; v: string }
  | { t: "lit"; kind: "number"; v: number }
  | { t: "lit"; kind: "bool"; v: boolean }
  | { t: "lit"; kind: "null"; v: null }
  | { t: "lit"; kind: "datetime"; v: string };

export type Operand = { t: "path"; path: string } | Literal;

export type CmpOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

/** A parsed $filter. Comparisons always have the property path on the left (literal-first forms are flipped). */
export type FilterExpr =
  | { t: "and"; a: FilterExpr; b: FilterExpr }
  | { t: "or"; a: FilterExpr; b: FilterExpr }
  | { t: "not"; e: FilterExpr }
  | { t: "cmp"; op: CmpOp; path: string; value: Literal }
  | { t: "startswith"; path: string; value: Literal };

const CMP_OPS = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
const FLIP: Record<CmpOp, CmpOp> = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" };

type Token =
  | { k: "punct"; v: "(" | ")" | "," }
  | { k: "string"; v: string }
  | { k: "number"; v: number }
  | { k: "datetime"; v: string }
  | { k: "word"; v: string };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_@$][A-Za-z0-9_@$./:-]*/;

function invalidFilter(detail: string): GraphError {
  return new GraphError(400, "invalidRequest", `Invalid filter clause: ${detail}`);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      out.push({ k: "punct", v: c });
      i++;
      continue;
    }
    if (c === "'") {
      // OData escapes a quote inside a string by doubling it.
      let value = "";
      i++;
      for (;;) {
        if (i >= src.length) throw invalidFilter("unterminated string literal");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      out.push({ k: "string", v: value });
      continue;
    }
    const rest = src.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt && dt[1]) {
      out.push({ k: "datetime", v: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      out.push({ k: "number", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      out.push({ k: "word", v: word[0] });
      i += word[0].length;
      continue;
    }
    throw invalidFilter(`unexpected character '${c}'`);
  }
  return out;
}

class FilterParser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpr {
    const e = this.or();
    if (this.pos < this.tokens.length) throw invalidFilter("unexpected trailing input");
    return e;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.pos];
    return t && t.k === "word" ? t.v.toLowerCase() : undefined;
  }

  private expectPunct(v: "(" | ")" | ","): void {
    const t = this.tokens[this.pos];
    if (!t || t.k !== "punct" || t.v !== v) throw invalidFilter(`expected '${v}'`);
    this.pos++;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peekWord() === "or") {
      this.pos++;
      left = { t: "or", a: left, b: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.unary();
    while (this.peekWord() === "and") {
      this.pos++;
      left = { t: "and", a: left, b: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpr {
    if (this.peekWord() === "not") {
      this.pos++;
      return { t: "not", e: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const t = this.tokens[this.pos];
    if (!t) throw invalidFilter("unexpected end of expression");
    if (t.k === "punct" && t.v === "(") {
      this.pos++;
      const e = this.or();
      this.expectPunct(")");
      return this.maybeBoolCompare(e);
    }
    const next = this.tokens[this.pos + 1];
    if (t.k === "word" && next && next.k === "punct" && next.v === "(") {
      return this.maybeBoolCompare(this.func(t.v));
    }
    const left = this.operand();
    const opWord = this.peekWord();
    if (!opWord || !CMP_OPS.has(opWord)) throw invalidFilter("expected a comparison operator");
    this.pos++;
    const right = this.operand();
    return comparison(opWord as CmpOp, left, right);
  }

  /** Allows `startswith(x,'a') eq true` and `(…) eq false`, which Graph accepts. */
  private maybeBoolCompare(e: FilterExpr): FilterExpr {
    const w = this.peekWord();
    if (w !== "eq" && w !== "ne") return e;
    const lit = this.tokens[this.pos + 1];
    if (!lit || lit.k !== "word" || !["true", "false"].includes(lit.v.toLowerCase())) return e;
    this.pos += 2;
    const wantTrue = (lit.v.toLowerCase() === "true") === (w === "eq");
    return wantTrue ? e : { t: "not", e };
  }

  private func(name: string): FilterExpr {
    const fn = name.toLowerCase();
    this.pos++; // name
    this.expectPunct("(");
    const args: Operand[] = [this.operand()];
    while (this.tokens[this.pos]?.k === "punct" && (this.tokens[this.pos] as { v: string }).v === ",") {
      this.pos++;
      args.push(this.operand());
    }
    this.expectPunct(")");
    if (fn !== "startswith") {
      throw new GraphError(400, "invalidRequest", `The query function '${name}' is not supported.`);
    }
    const [a, b] = args;
    if (args.length !== 2 || !a || !b || a.t !== "path" || b.t !== "lit") throw invalidFilter("startswith takes a property and a literal");
    return { t: "startswith", path: a.path, value: b };
  }

  private operand(): Operand {
    const t = this.tokens[this.pos++];
    if (!t) throw invalidFilter("unexpected end of expression");
    switch (t.k) {
      case "string":
        return { t: "lit", kind: "string", v: t.v };
      case "number":
        return { t: "lit", kind: "number", v: t.v };
      case "datetime":
        return { t: "lit", kind: "datetime", v: t.v };
      case "word": {
        const w = t.v.toLowerCase();
        if (w === "true" || w === "false") return { t: "lit", kind: "bool", v: w === "true" };
        if (w === "null") return { t: "lit", kind: "null", v: null };
        return { t: "path", path: t.v };
      }
      default:
        throw invalidFilter(`unexpected '${t.v}'`);
    }
  }
}

function comparison(op: CmpOp, left: Operand, right: Operand): FilterExpr {
  if (left.t === "path" && right.t === "lit") return { t: "cmp", op, path: left.path, value: right };
  if (left.t === "lit" && right.t === "path") return { t: "cmp", op: FLIP[op], path: right.path, value: left };
  throw invalidFilter("a comparison needs one property and one literal");
}

export function parseFilter(src: string): FilterExpr {
  return new FilterParser(tokenize(src)).parse();
}

/** Every property path a filter references, in order of appearance. */
export function filterPaths(e: FilterExpr, out: string[] = []): string[] {
  switch (e.t) {
    case "and":
    case "or":
      filterPaths(e.a, out);
      filterPaths(e.b, out);
      break;
    case "not":
      filterPaths(e.e, out);
      break;
    default:
      out.push(e.path);
  }
  return out;
}

export interface OrderKey {
  path: string;
  desc: boolean;
}

export function parseOrderBy(src: string): OrderKey[] {
  return splitTopLevel(src)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [path, dir, extra] = part.split(/\s+/);
      const d = (dir ?? "asc").toLowerCase();
      if (!path || extra !== undefined || (d !== "asc" && d !== "desc")) {
        throw new GraphError(400, "invalidRequest", `Invalid $orderby clause: ${part}`);
      }
      return { path, desc: d === "desc" };
    });
}

export function parseSelect(src: string | undefined): string[] | undefined {
  if (src === undefined) return undefined;
  return src
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `$expand=fields($select=A,B),columns` → { fields: { select: ["A","B"] }, columns: {} }. */
export function parseExpand(src: string | undefined): Record<string, { select?: string[] }> {
  const out: Record<string, { select?: string[] }> = {};
  if (!src) return out;
  for (const part of splitTopLevel(src)) {
    const m = /^\s*([A-Za-z_]+)\s*(?:\((.*)\))?\s*$/.exec(part);
    if (!m) throw new GraphError(400, "invalidRequest", `Invalid $expand clause: ${part}`);
    const opts: { select?: string[] } = {};
    if (m[2]) {
      for (const opt of m[2].split(";")) {
        const eq = opt.indexOf("=");
        const key = opt.slice(0, eq).trim().replace(/^\$/, "").toLowerCase();
        if (key === "select") opts.select = parseSelect(opt.slice(eq + 1));
      }
    }
    out[m[1].toLowerCase()] = opts;
  }
  return out;
}

function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(src.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(src.slice(start));
  return parts;
}

/** Parses $top: a positive integer, else Graph's 400. */
export function parseTop(src: string | undefined): number | undefined {
  if (src === undefined) return undefined;
  const n = Number(src);
  if (!Number.isInteger(n) || n < 0) throw new GraphError(400, "invalidRequest", `Invalid value '${src}' for $top.`);
  return n;
}

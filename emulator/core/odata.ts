// The one OData $filter tokenizer and parser; each service's dialect supplies its lexicon, error code and tests.
import { GraphError } from "./types";

export type Literal =
  | { t: "lit"; kind: "string"; v: string }
  | { t: "lit"; kind: "number"; v: number }
  | { t: "lit"; kind: "bool"; v: boolean }
  | { t: "lit"; kind: "null"; v: null }
  | { t: "lit"; kind: "datetime"; v: string };

/** A property path. Where the lexicon keeps '/' inside names (SharePoint's `fields/X`) it is a single segment. */
export type Path = { t: "path"; segs: string[] };

export type Operand = Path | Literal;

export type CmpOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

type Logic<T> = { t: "and" | "or"; a: FilterTree<T>; b: FilterTree<T> } | { t: "not"; e: FilterTree<T> };

/** and/or/not over the tests a dialect builds; tests must use other tags. */
export type FilterTree<T> = T | Logic<T>;

/** How a service's filters are spelled, so that each keeps the exact tokens and errors it always had. */
export interface Lexicon {
  /** Characters skipped between tokens. */
  space: RegExp;
  /** Single-character tokens. With '/' and ':' here, paths split into segments and lambdas `x/any(v:…)` parse. */
  punct: string;
  number: RegExp;
  word: RegExp;
}

/** One service's $filter: its spelling and error code, and the tests it builds from what was read (or refuses). */
export interface FilterDialect<T> {
  lexicon: Lexicon;
  /** Code of the 400 a malformed filter gets. */
  code: string;
  /** Whether `name(` calls a function; otherwise the name is read as a property. */
  isFunction(name: string): boolean;
  call(name: string, args: Operand[]): T;
  compare(op: CmpOp, left: Operand, right: Operand): T;
  /** A property standing alone as a condition; without this the dialect requires a comparison. */
  property?(path: Path): T;
  /** `coll/any(v: body)`, `coll/all(v: body)` or `coll/any()`; without this, any and all are plain segment names. */
  lambda?(kind: "any" | "all", coll: string[], v: string | undefined, body: FilterTree<T> | undefined): T;
}

export function filterError(code: string, detail: string): GraphError {
  return new GraphError(400, code, `Invalid filter clause: ${detail}`);
}

type Token =
  | { k: "punct"; v: string }
  | { k: "string"; v: string }
  | { k: "number"; v: number }
  | { k: "datetime"; v: string }
  | { k: "word"; v: string };

const CMP_OPS = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
// The time part is required: a bare date has never been a datetime literal here, so it reads as numbers.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/;

function tokenize(src: string, lex: Lexicon, code: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (lex.space.test(c)) {
      i++;
      continue;
    }
    if (lex.punct.includes(c)) {
      out.push({ k: "punct", v: c });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readString(src, i + 1, code);
      out.push({ k: "string", v: value });
      i = end;
      continue;
    }
    const read = readValue(src.slice(i), lex);
    if (!read) throw filterError(code, `unexpected character '${c}'`);
    out.push(read[0]);
    i += read[1];
  }
  return out;
}

/** A datetime, number or word at the start of `rest`, and its length. */
function readValue(rest: string, lex: Lexicon): [Token, number] | undefined {
  const dt = DATETIME.exec(rest);
  if (dt) return [{ k: "datetime", v: dt[0] }, dt[0].length];
  const num = lex.number.exec(rest);
  if (num) return [{ k: "number", v: Number(num[0]) }, num[0].length];
  const word = lex.word.exec(rest);
  return word ? [{ k: "word", v: word[0] }, word[0].length] : undefined;
}

/** A string literal's value from just after its opening quote, and the index after its closing quote. */
function readString(src: string, start: number, code: string): [string, number] {
  let value = "";
  let i = start;
  for (;;) {
    if (i >= src.length) throw filterError(code, "unterminated string literal");
    if (src[i] === "'") {
      // OData escapes a quote inside a string by doubling it.
      if (src[i + 1] !== "'") return [value, i + 1];
      value += "'";
      i += 2;
      continue;
    }
    value += src[i++];
  }
}

class FilterParser<T> {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly d: FilterDialect<T>,
  ) {}

  parse(): FilterTree<T> {
    const e = this.or();
    if (this.pos < this.tokens.length) throw this.invalid("unexpected trailing input");
    return e;
  }

  private invalid(detail: string): GraphError {
    return filterError(this.d.code, detail);
  }

  private peekWord(at = this.pos): string | undefined {
    const t = this.tokens[at];
    return t?.k === "word" ? t.v.toLowerCase() : undefined;
  }

  private isPunct(v: string, at = this.pos): boolean {
    const t = this.tokens[at];
    return t?.k === "punct" && t.v === v;
  }

  private expectPunct(v: string): void {
    if (!this.isPunct(v)) throw this.invalid(`expected '${v}'`);
    this.pos++;
  }

  private or(): FilterTree<T> {
    return this.chain("or", () => this.and());
  }

  private and(): FilterTree<T> {
    return this.chain("and", () => this.unary());
  }

  private chain(op: "and" | "or", next: () => FilterTree<T>): FilterTree<T> {
    let left = next();
    while (this.peekWord() === op) {
      this.pos++;
      left = { t: op, a: left, b: next() };
    }
    return left;
  }

  private unary(): FilterTree<T> {
    if (this.peekWord() === "not") {
      this.pos++;
      return { t: "not", e: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterTree<T> {
    const t = this.tokens[this.pos];
    if (!t) throw this.invalid("unexpected end of expression");
    if (t.k === "punct" && t.v === "(") {
      this.pos++;
      const e = this.or();
      this.expectPunct(")");
      return this.maybeBoolCompare(e);
    }
    if (t.k === "word" && this.isPunct("(", this.pos + 1) && this.d.isFunction(t.v)) {
      return this.maybeBoolCompare(this.call(t.v));
    }
    const left = this.operandOrLambda();
    if (left.t === "lambda") return left.e;
    const op = this.peekWord();
    if (!op || !CMP_OPS.has(op)) {
      if (left.t === "path" && this.d.property) return this.d.property(left);
      throw this.invalid("expected a comparison operator");
    }
    this.pos++;
    return this.d.compare(op as CmpOp, left, this.operand());
  }

  /** Allows `startswith(x,'a') eq true` and `(…) eq false`, which Graph accepts. */
  private maybeBoolCompare(e: FilterTree<T>): FilterTree<T> {
    const w = this.peekWord();
    const lit = this.peekWord(this.pos + 1);
    if ((w !== "eq" && w !== "ne") || (lit !== "true" && lit !== "false")) return e;
    this.pos += 2;
    return (lit === "true") === (w === "eq") ? e : { t: "not", e };
  }

  private call(name: string): T {
    this.pos += 2; // name and '('
    const args = [this.operand()];
    while (this.isPunct(",")) {
      this.pos++;
      args.push(this.operand());
    }
    this.expectPunct(")");
    return this.d.call(name, args);
  }

  private operand(): Operand {
    const o = this.operandOrLambda();
    if (o.t === "lambda") throw this.invalid("a lambda cannot be compared");
    return o;
  }

  private operandOrLambda(): Operand | { t: "lambda"; e: T } {
    const t = this.tokens[this.pos++];
    if (!t) throw this.invalid("unexpected end of expression");
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
        return this.pathFrom(t.v);
      }
      default:
        throw this.invalid(`unexpected '${t.v}'`);
    }
  }

  /** The rest of a path after its first name: `/name` segments, possibly ending in a lambda. */
  private pathFrom(first: string): Path | { t: "lambda"; e: T } {
    const segs = [first];
    while (this.isPunct("/")) {
      this.pos++;
      const s = this.tokens[this.pos];
      if (s?.k !== "word") throw this.invalid("expected a property name after '/'");
      const name = s.v.toLowerCase();
      if (this.d.lambda && (name === "any" || name === "all") && this.isPunct("(", this.pos + 1)) {
        return { t: "lambda", e: this.lambda(this.d.lambda, name, segs) };
      }
      segs.push(s.v);
      this.pos++;
    }
    return { t: "path", segs };
  }

  private lambda(build: NonNullable<FilterDialect<T>["lambda"]>, kind: "any" | "all", coll: string[]): T {
    this.pos += 2; // any/all and '('
    if (this.isPunct(")")) {
      this.pos++;
      return build(kind, coll, undefined, undefined);
    }
    const v = this.tokens[this.pos];
    if (v?.k !== "word") throw this.invalid("expected a lambda variable");
    this.pos++;
    this.expectPunct(":");
    const body = this.or();
    this.expectPunct(")");
    return build(kind, coll, v.v, body);
  }
}

export function parseDialectFilter<T>(src: string, dialect: FilterDialect<T>): FilterTree<T> {
  return new FilterParser(tokenize(src, dialect.lexicon, dialect.code), dialect).parse();
}

function isLogic<T>(e: FilterTree<T>): e is Logic<T> {
  const tag = (e as { t: unknown }).t;
  return tag === "and" || tag === "or" || tag === "not";
}

/** Every test of a filter, in order of appearance. */
export function filterTests<T>(e: FilterTree<T>, out: T[] = []): T[] {
  if (!isLogic(e)) out.push(e);
  else if (e.t === "not") filterTests(e.e, out);
  else {
    filterTests(e.a, out);
    filterTests(e.b, out);
  }
  return out;
}

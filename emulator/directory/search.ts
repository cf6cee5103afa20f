// $search on directory collections as Learn's "Use the $search query parameter" describes it: quoted "property:text"
// clauses joined by AND/OR (parentheses allowed), displayName matched by tokens, any other property by "startsWith".
import { GraphError } from "../core/types";

type Obj = Record<string, unknown>;

type SearchExpr = { t: "clause"; prop: string; text: string } | { t: "and" | "or"; a: SearchExpr; b: SearchExpr };

/** Only advanced queries take $search; Graph's own words when the header is missing (Learn, "Advanced query capabilities"). */
export function requireEventual(headers: Record<string, string>): void {
  if ((headers["consistencylevel"] ?? "").trim().toLowerCase() !== "eventual") {
    throw new GraphError(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
}

// The wording of a malformed $search is ours: Learn documents the syntax, not the error.
const syntax = (why: string) => new GraphError(400, "BadRequest", `Invalid $search: ${why}.`);

export function parseSearch(src: string): SearchExpr {
  let i = 0;
  const skip = () => {
    while (i < src.length && src[i] === " ") i++;
  };
  const clause = (): SearchExpr => {
    skip();
    if (src[i] === "(") {
      i++;
      const e = or();
      skip();
      if (src[i] !== ")") throw syntax("a parenthesis is not closed");
      i++;
      return e;
    }
    if (src[i] !== '"') throw syntax('each clause must be in double quotes, as "displayName:text"');
    i++;
    let text = "";
    // Inside a clause, a double quote or a backslash is escaped with a backslash.
    while (i < src.length && src[i] !== '"') {
      if (src[i] === "\\" && i + 1 < src.length) i++;
      text += src[i++];
    }
    if (src[i] !== '"') throw syntax("a clause's double quote is not closed");
    i++;
    const colon = text.indexOf(":");
    if (colon <= 0) throw syntax('a clause names its property, as "displayName:text"');
    return { t: "clause", prop: text.slice(0, colon), text: text.slice(colon + 1) };
  };
  const and = (): SearchExpr => {
    let e = clause();
    for (;;) {
      skip();
      if (!src.startsWith("AND", i)) return e;
      i += 3;
      e = { t: "and", a: e, b: clause() };
    }
  };
  const or = (): SearchExpr => {
    let e = and();
    for (;;) {
      skip();
      if (!src.startsWith("OR", i)) return e;
      i += 2;
      e = { t: "or", a: e, b: and() };
    }
  };
  const e = or();
  skip();
  if (i < src.length) throw syntax("AND and OR go between clauses, in capitals");
  return e;
}

/**
 * Words split at spaces, at symbols, between letters and digits and where lower case turns to upper, lower-cased; and
 * the words joined only by symbols also as one ("O'Brien" gives "o", "brien" and "obrien"), as Learn describes.
 */
export function tokens(value: string): string[] {
  const out: string[] = [];
  for (const chunk of value.split(/\s+/).filter(Boolean)) {
    const parts = chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const part of parts) out.push(...part.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).map((w) => w.toLowerCase()));
    if (parts.length > 1) out.push(parts.join("").toLowerCase());
  }
  return out;
}

/** Every word of the search text begins a word of the value, in any order and any case ("wa" finds "Oscar Ward"). */
function tokenMatch(value: string, text: string): boolean {
  const have = tokens(value);
  const want = tokens(text);
  return want.length > 0 && want.every((w) => have.some((h) => h.startsWith(w)));
}

function matches(e: SearchExpr, o: Obj, allowed: Set<string>, type: string): boolean {
  if (e.t !== "clause") return e.t === "and" ? matches(e.a, o, allowed, type) && matches(e.b, o, allowed, type) : matches(e.a, o, allowed, type) || matches(e.b, o, allowed, type);
  if (!allowed.has(e.prop)) throw new GraphError(400, "Request_UnsupportedQuery", `Unsupported or invalid query filter clause specified for property '${e.prop}' of resource '${type}'.`);
  const v = o[e.prop];
  if (typeof v !== "string") return false;
  if (e.prop === "displayName" || e.prop === "description") return tokenMatch(v, e.text);
  return v.toLowerCase().startsWith(e.text.toLowerCase());
}

export function searchObjects<T extends Obj>(items: T[], search: string | undefined, allowed: string[], type: string): T[] {
  if (search === undefined) return items;
  const expr = parseSearch(search);
  const set = new Set(allowed);
  return items.filter((o) => matches(expr, o, set, type));
}

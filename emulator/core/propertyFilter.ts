// The $filter of SharePoint list items and directory objects: one property against one literal, or startswith.
import { filterError, filterTests, parseDialectFilter, type CmpOp, type FilterDialect, type FilterTree, type Literal } from "./odata";
import { GraphError } from "./types";

/** Comparisons always have the property path on the left (literal-first forms are flipped). */
export type PropertyTest = { t: "cmp"; op: CmpOp; path: string; value: Literal } | { t: "startswith"; path: string; value: Literal };

export type FilterExpr = FilterTree<PropertyTest>;

const CODE = "invalidRequest";
const FLIP: Record<CmpOp, CmpOp> = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" };

/** Names keep '/', ':' and '-', so `fields/X` reads as one property path. */
const PROPERTY_DIALECT: FilterDialect<PropertyTest> = {
  lexicon: { space: /[ \t\n\r]/, punct: "(),", number: /^-?\d+(\.\d+)?([eE][+-]?\d+)?/, word: /^[A-Za-z_@$][A-Za-z0-9_@$./:-]*/ },
  code: CODE,
  // Every `name(` is a call, so an unknown function gets its own error rather than a syntax one.
  isFunction: () => true,
  call(name, args) {
    if (name.toLowerCase() !== "startswith") throw new GraphError(400, CODE, `The query function '${name}' is not supported.`);
    const [a, b] = args;
    if (args.length !== 2 || a.t !== "path" || b.t !== "lit") throw filterError(CODE, "startswith takes a property and a literal");
    return { t: "startswith", path: pathText(a.segs), value: b };
  },
  compare(op, left, right) {
    if (left.t === "path" && right.t === "lit") return { t: "cmp", op, path: pathText(left.segs), value: right };
    if (left.t === "lit" && right.t === "path") return { t: "cmp", op: FLIP[op], path: pathText(right.segs), value: left };
    throw filterError(CODE, "a comparison needs one property and one literal");
  },
};

function pathText(segs: string[]): string {
  return segs.join("/");
}

export function parseFilter(src: string): FilterExpr {
  return parseDialectFilter(src, PROPERTY_DIALECT);
}

/** Every property path a filter references, in order of appearance. */
export function filterPaths(e: FilterExpr): string[] {
  return filterTests(e).map((t) => t.path);
}

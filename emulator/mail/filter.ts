// Exchange's $filter for messages on the shared OData parser: its dialect, the property check, and what queries read.
import { filterError, filterTests, parseDialectFilter, type CmpOp, type FilterDialect, type FilterTree, type Operand, type Path } from "../core/odata";
import { unknownProperty } from "./errors";

type StringFunction = "contains" | "startswith" | "endswith";

export type MessageTest =
  | { t: "cmp"; op: CmpOp; left: Operand; right: Operand }
  | { t: "fn"; name: StringFunction; args: Operand[] }
  | { t: "lambda"; kind: "any" | "all"; coll: string[]; v?: string; body?: Expr }
  | { t: "bool"; path: Path };

export type Expr = FilterTree<MessageTest>;

const CODE = "BadRequest";
const FUNCTIONS = new Set<string>(["contains", "startswith", "endswith"] satisfies StringFunction[]);

/** '/' and ':' are punctuation, so paths split into segments and any/all lambdas parse; numbers have no exponent. */
const EXCHANGE_DIALECT: FilterDialect<MessageTest> = {
  lexicon: { space: /\s/, punct: "(),:/", number: /^-?\d+(\.\d+)?/, word: /^[A-Za-z_@$][A-Za-z0-9_@$.]*/ },
  code: CODE,
  // Other names followed by '(' read as properties, so they fail as syntax errors, as they always have.
  isFunction: (name) => FUNCTIONS.has(name.toLowerCase()),
  call(name, args) {
    if (args.length !== 2) throw filterError(CODE, `${name} takes two arguments`);
    return { t: "fn", name: name.toLowerCase() as StringFunction, args };
  },
  compare: (op, left, right) => ({ t: "cmp", op, left, right }),
  property: (path) => ({ t: "bool", path }),
  lambda: (kind, coll, v, body) => ({ t: "lambda", kind, coll, v, body }),
};

/** Property names a filter may use, lower-cased, for the type named in errors. */
export interface FilterSchema {
  typeName: string;
  properties: Set<string>;
}

export function parseFilter(src: string, schema: FilterSchema): Expr {
  const e = parseDialectFilter(src, EXCHANGE_DIALECT);
  eachPath(e, true, (p, vars) => {
    const head = p.segs[0];
    if (!vars.includes(head) && !schema.properties.has(head.toLowerCase())) throw unknownProperty(head, schema.typeName);
  });
  return e;
}

/**
 * Calls visit on every property path in order, with the lambda variables in scope. Lambda bodies are visited only
 * when `deep`: Exchange's $orderby rule looks at the collection a lambda ranges over, not at what it tests.
 */
function eachPath(e: Expr, deep: boolean, visit: (p: Path, vars: string[]) => void, vars: string[] = []): void {
  const paths = (...os: Operand[]) => os.forEach((o) => o.t === "path" && visit(o, vars));
  for (const test of filterTests(e)) {
    switch (test.t) {
      case "cmp":
        paths(test.left, test.right);
        break;
      case "fn":
        paths(...test.args);
        break;
      case "bool":
        paths(test.path);
        break;
      case "lambda":
        paths({ t: "path", segs: test.coll });
        if (deep && test.body) eachPath(test.body, deep, visit, test.v ? [...vars, test.v] : vars);
        break;
    }
  }
}

/** Top-level properties a filter references, lower-cased, in order of appearance (for Exchange's $orderby rule). */
export function filterProperties(e: Expr): string[] {
  const out: string[] = [];
  eachPath(e, false, (p) => out.push(p.segs[0].toLowerCase()));
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

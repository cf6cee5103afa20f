// $orderby, $select, $expand and $top as Graph accepts them for lists, list items and directory objects.
import { GraphError } from "./types";

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

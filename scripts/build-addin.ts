// Builds the add-in with webpack's Node API (the same webpack.config.js as `npm run build`), once or watching.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";

export interface BuildOptions {
  outDir: string;
  mode?: "production" | "development";
  /** Leave the Teams tab out (its own issue's code may be mid-way). */
  noTeams?: boolean;
  /** Extra module aliases (the benchmark uses one to weigh a dependency). */
  alias?: Record<string, string>;
}

export interface BuiltEntry {
  /** JavaScript the page loads before its first render (the entry's initial chunks). */
  initial: string[];
  /** Chunks it may load later (lazy forms, the card). */
  lazy: string[];
}

export interface BuildResult {
  outDir: string;
  entries: Record<string, BuiltEntry>;
  /** Each named lazy chunk ("sign-in", "card", …) with the split chunks loaded alongside it. */
  groups: Record<string, string[]>;
  ms: number;
}

async function loadConfig(opts: BuildOptions): Promise<Configuration> {
  const url = pathToFileURL(resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "webpack.config.js")).href;
  const make = (await import(url)).default as (env: Record<string, unknown>, argv: Record<string, unknown>) => Configuration;
  const config = make({ outDir: resolve(opts.outDir), noTeams: opts.noTeams ?? false }, { mode: opts.mode ?? "production" });
  if (opts.alias) config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), ...opts.alias } };
  return config;
}

function summarise(stats: Stats, outDir: string, started: number): BuildResult {
  const j = stats.toJson({ all: false, ids: true, entrypoints: true, chunkGroups: true, chunks: true, chunkRelations: true });
  const entries: Record<string, BuiltEntry> = {};
  const chunkFiles = new Map<string | number, string[]>((j.chunks ?? []).map((c) => [c.id!, (c.files ?? []).filter((f) => f.endsWith(".js"))]));
  for (const [name, ep] of Object.entries(j.entrypoints ?? {})) {
    const initial = (ep.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
    const lazy = new Set<string>();
    const seen = new Set<string | number>();
    const walk = (ids: (string | number)[]) => {
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        for (const f of chunkFiles.get(id) ?? []) if (!initial.includes(f)) lazy.add(f);
        const chunk = (j.chunks ?? []).find((c) => c.id === id);
        walk(chunk?.children ?? []);
      }
    };
    walk(ep.chunks ?? []);
    entries[name] = { initial, lazy: [...lazy] };
  }
  const groups: Record<string, string[]> = {};
  for (const [name, g] of Object.entries(j.namedChunkGroups ?? {})) {
    if (!(name in (j.entrypoints ?? {}))) groups[name] = (g.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
  }
  return { outDir, entries, groups, ms: Date.now() - started };
}

export async function buildAddin(opts: BuildOptions): Promise<BuildResult> {
  const config = await loadConfig(opts);
  const started = Date.now();
  const compiler = webpack(config);
  const stats = await new Promise<Stats>((ok, fail) => compiler.run((err, s) => (err ? fail(err) : ok(s!))));
  await new Promise<void>((ok) => compiler.close(() => ok()));
  if (stats.hasErrors()) throw new Error(`The add-in did not build:\n${stats.toString("errors-only")}`);
  return summarise(stats, resolve(opts.outDir), started);
}

/** Rebuilds on every change; `onBuilt` hears each result (or the errors in words). */
export async function watchAddin(opts: BuildOptions, onBuilt: (result: BuildResult | Error) => void): Promise<{ close(): Promise<void> }> {
  const config = await loadConfig(opts);
  const compiler = webpack(config);
  let started = Date.now();
  compiler.hooks.watchRun.tap("upc", () => {
    started = Date.now();
  });
  const watching = compiler.watch({ aggregateTimeout: 200 }, (err, stats) => {
    if (err) onBuilt(err);
    else if (stats?.hasErrors()) onBuilt(new Error(stats.toString("errors-only")));
    else if (stats) onBuilt(summarise(stats, resolve(opts.outDir), started));
  });
  return { close: () => new Promise<void>((ok) => (watching ? watching.close(() => ok()) : ok())) };
}

/** Gzipped size (level 9) of built files. */
export function gzipBytes(outDir: string, files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
}

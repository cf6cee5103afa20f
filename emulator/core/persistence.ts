// Saves each module's state to <dataDir>/<name>.json, debounced and off the request path; loads it at start.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Persistable } from "./types";

const DEBOUNCE_MS = 250;
/** A save that took T ms waits at least this many times T before the next, so huge states cost a bounded share of CPU. */
const BACKOFF_FACTOR = 10;
const MAX_DELAY_MS = 30_000;

interface Slot {
  p: Persistable;
  timer?: NodeJS.Timeout;
  writing?: Promise<void>;
  dirtyWhileWriting: boolean;
  lastDurationMs: number;
}

export class PersistenceStore {
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(private readonly dataDir: string | null) {}

  register(p: Persistable): void {
    if (this.slots.has(p.name)) throw new Error(`Persistable '${p.name}' registered twice`);
    this.slots.set(p.name, { p, dirtyWhileWriting: false, lastDurationMs: 0 });
  }

  private file(name: string): string {
    return join(this.dataDir as string, `${name}.json`);
  }

  /** Start-up only, so synchronous reads are fine here. With reset, files are removed and state starts empty. */
  loadAll(reset: boolean): void {
    for (const { p } of this.slots.values()) {
      p.clear();
      if (!this.dataDir) continue;
      const file = this.file(p.name);
      if (reset) {
        rmSync(file, { force: true });
        continue;
      }
      if (!existsSync(file)) continue;
      try {
        p.load(JSON.parse(readFileSync(file, "utf8")));
      } catch (err) {
        // A damaged file must not stop the emulator; the name is safe to log, the contents are not.
        console.error(`[emulator] could not load ${p.name}.json (${err instanceof Error ? err.name : "error"}); starting it empty`);
        p.clear();
      }
    }
  }

  markDirty(name: string): void {
    if (!this.dataDir || this.closed) return;
    const slot = this.slots.get(name);
    if (!slot) return;
    if (slot.writing) {
      slot.dirtyWhileWriting = true;
      return;
    }
    if (slot.timer) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(DEBOUNCE_MS, slot.lastDurationMs * BACKOFF_FACTOR));
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.save(slot);
    }, delay);
    slot.timer.unref();
  }

  private save(slot: Slot): Promise<void> {
    if (slot.writing) {
      slot.dirtyWhileWriting = true;
      return slot.writing;
    }
    const run = async () => {
      const started = performance.now();
      try {
        await mkdir(this.dataDir as string, { recursive: true });
        const text = JSON.stringify(slot.p.dump());
        const file = this.file(slot.p.name);
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, text);
        await rename(tmp, file);
      } catch (err) {
        console.error(`[emulator] could not save ${slot.p.name}.json (${err instanceof Error ? err.name : "error"})`);
      } finally {
        slot.lastDurationMs = performance.now() - started;
      }
    };
    slot.writing = run().finally(() => {
      slot.writing = undefined;
      if (slot.dirtyWhileWriting) {
        slot.dirtyWhileWriting = false;
        this.markDirty(slot.p.name);
      }
    });
    return slot.writing;
  }

  /** Writes every module now (used on close), waiting for saves in flight. */
  async flushAll(): Promise<void> {
    if (!this.dataDir) return;
    for (const slot of this.slots.values()) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      if (slot.writing) await slot.writing;
      slot.dirtyWhileWriting = false;
      await this.save(slot);
    }
    this.closed = true;
  }
}

// Whether something another instance holds (a lease, a claimed notice) has been left: its row unchanged (the same
// eTag) for a while by this process's own monotonic clock. Neither instance's wall clock counts, so a clock running
// 11 minutes fast cannot take a lease that is still in use, and a slow one does not wait for ever.

export class StaleWatch {
  private readonly seen = new Map<string, { etag: string; since: number }>();

  constructor(
    private readonly ms: number,
    private readonly elapsed: () => number = () => performance.now(),
  ) {}

  /** True once `key` has shown this same eTag for `ms`; a changed eTag (its holder is alive) starts again. */
  isStale(key: string, etag: string): boolean {
    const t = this.elapsed();
    const s = this.seen.get(key);
    if (!s || s.etag !== etag) {
      this.seen.set(key, { etag, since: t });
      return false;
    }
    return t - s.since >= this.ms;
  }

  /** Keeps only these keys (the rows still held), so the map stays as small as the work. */
  keepOnly(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const k of this.seen.keys()) if (!keep.has(k)) this.seen.delete(k);
  }
}

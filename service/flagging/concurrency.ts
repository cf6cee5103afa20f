// Pacing: work runs a few mailboxes at a time, so a large tenant does not flood Graph with requests at once.
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

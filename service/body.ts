// Request bodies read up to a limit, on both hosts: past the limit reading stops at once (a 210 MB body must cost
// neither time nor memory), so a flood is refused with 413 before it is buffered.
import type { IncomingMessage } from "node:http";
import type { ReadableStream } from "node:stream/web";

const declared = (value: string | null | undefined) => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** A Node request's body as text, or null when it is larger than `max` bytes (the rest is not read). */
export function readNodeBody(req: IncomingMessage, max: number): Promise<string | null> {
  if (declared(req.headers["content-length"]) > max) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off("data", onData);
      req.pause();
      resolve(null);
    };
    req.on("data", onData);
    req.on("end", () => resolve(size > max ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
  });
}

/** A web-stream body (the Functions host's HttpRequest) as text, or null when larger than `max` bytes. */
export async function readStreamBody(request: { headers: { get(name: string): string | null }; body: ReadableStream | null }, max: number): Promise<string | null> {
  if (declared(request.headers.get("content-length")) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const bytes = value as Uint8Array;
    size += bytes.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}

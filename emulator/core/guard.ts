// Who may talk to the emulator: browser pages from this machine only (CORS), and the control routes only with its secret.
import { createHash, timingSafeEqual } from "node:crypto";
import { GraphError } from "./types";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * A page from this machine (the dev server, a test's page) or one of the origins named in EMULATOR_ORIGINS. Any other
 * web page the developer happens to open must not read or write the register through the emulator: it holds demo
 * personal data and accepts development tokens anyone can make.
 */
export function originAllowed(origin: string, extra: readonly string[] = []): boolean {
  if (extra.includes(origin)) return true;
  try {
    const u = new URL(origin);
    return (u.protocol === "http:" || u.protocol === "https:") && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** The X-Emulator-Secret header against the emulator's secret, compared in constant time. */
export function checkSecret(given: string | undefined, secret: string): void {
  if (typeof given !== "string" || !timingSafeEqual(digest(given), digest(secret))) {
    throw new GraphError(403, "Forbidden", "The emulator's control routes need its secret in the X-Emulator-Secret header (EMULATOR_SECRET).");
  }
}

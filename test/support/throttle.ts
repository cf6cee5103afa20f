// The tenant throttling every test runs under: the emulator's default tenant (5,000 licences, Exchange's per-mailbox
// limits), with model time sixty times faster so that a minute's budget refills in a second and Retry-After is short.
import type { ThrottleOptions } from "../../emulator";

export const TEST_THROTTLE: ThrottleOptions = { licences: 5_000, timeScale: 60 };

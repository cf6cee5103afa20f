// One JSON $batch with throttled parts retried after their Retry-After: shared by the SDK client and the fetch client.
import { fromResponse, headerOf, retryAfterSeconds } from "./errors";

export interface BatchRequest {
  id: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the version root, e.g. "/sites/root/lists/UpcCustomers/items?…". */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const MAX_BATCH = 20;

/** Throws the DataError a failed batch part stands for. */
export function ensureOk<T>(res: BatchResponse): T {
  if (res.status >= 200 && res.status < 300) return res.body as T;
  throw fromResponse(res.status, res.body, res.headers);
}

/** Posts one $batch body and resolves with Graph's answer (errors already turned into DataErrors). */
export type BatchPoster = (body: { requests: unknown[] }) => Promise<{ responses: BatchResponse[] }>;

const sleep = (seconds: number) => new Promise<void>((r) => setTimeout(r, Math.min(seconds, 30) * 1000));

/** How long throttled parts keep being sent again, in all, when the service keeps saying when to come back. */
export const THROTTLED_PATIENCE_SECONDS = 600;

/**
 * Sends `requests` as one $batch; parts answered 429 (with Retry-After), 503 or 424 are sent again after the longest
 * Retry-After. Throttled parts are sent again for as long as the service names a time (up to ten minutes in all), since
 * a tenant's budget refills; other failures get `retries` more tries. A 429 without Retry-After (a query over the list
 * view threshold) is answered as it is.
 */
export async function runBatch(
  post: BatchPoster,
  requests: BatchRequest[],
  retries: number,
  wait: (seconds: number) => Promise<void> = sleep,
  /** Told of each throttled part, so the client's other requests to that budget wait too. */
  onThrottled: (url: string, seconds: number) => void = () => undefined,
): Promise<BatchResponse[]> {
  if (requests.length === 0) return [];
  if (requests.length > MAX_BATCH) throw new Error(`A $batch holds at most ${MAX_BATCH} requests`);
  const results = new Map<string, BatchResponse>();
  let pending = requests;
  let waited = 0;
  let failures = 0;
  for (let rounds = 0; pending.length; rounds++) {
    const body = {
      requests: pending.map((r) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        ...(r.body !== undefined ? { body: r.body, headers: { "Content-Type": "application/json", ...r.headers } } : r.headers ? { headers: r.headers } : {}),
        ...(r.dependsOn ? { dependsOn: r.dependsOn.filter((d) => pending.some((p) => p.id === d)) } : {}),
      })),
    };
    const answer = await post(body);
    let after = 0;
    let onlyThrottled = true;
    const retry: BatchRequest[] = [];
    for (const res of answer.responses) {
      const said = retryAfterSeconds(headerOf(res.headers, "retry-after"));
      const throttled = res.status === 429 && said !== undefined;
      const again = throttled ? waited < THROTTLED_PATIENCE_SECONDS && rounds < 200 : (res.status === 503 || res.status === 504 || res.status === 424) && failures < retries;
      if (throttled) onThrottled(pending.find((p) => p.id === res.id)?.url ?? "", said);
      if (again) {
        retry.push(pending.find((p) => p.id === res.id)!);
        after = Math.max(after, said ?? 1);
        if (!throttled) onlyThrottled = false;
      } else results.set(res.id, res);
    }
    pending = retry;
    if (!onlyThrottled) failures++;
    if (pending.length) {
      waited += after;
      await wait(after);
    }
  }
  return requests.map((r) => results.get(r.id)!);
}

// One JSON $batch with throttled parts retried after their Retry-After: shared by the SDK client and the fetch client.
import { fromResponse } from "./errors";

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
  throw fromResponse(res.status, res.body);
}

/** Posts one $batch body and resolves with Graph's answer (errors already turned into DataErrors). */
export type BatchPoster = (body: { requests: unknown[] }) => Promise<{ responses: BatchResponse[] }>;

const sleep = (seconds: number) => new Promise<void>((r) => setTimeout(r, Math.min(seconds, 30) * 1000));

/** Sends `requests` as one $batch; parts answered 429, 503 or 424 are sent again after the longest Retry-After. */
export async function runBatch(post: BatchPoster, requests: BatchRequest[], retries: number, wait: (seconds: number) => Promise<void> = sleep): Promise<BatchResponse[]> {
  if (requests.length === 0) return [];
  if (requests.length > MAX_BATCH) throw new Error(`A $batch holds at most ${MAX_BATCH} requests`);
  const results = new Map<string, BatchResponse>();
  let pending = requests;
  for (let attempt = 0; pending.length; attempt++) {
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
    const retry: BatchRequest[] = [];
    for (const res of answer.responses) {
      const again = (res.status === 429 || res.status === 503 || res.status === 424) && attempt < retries;
      if (again) {
        retry.push(pending.find((p) => p.id === res.id)!);
        const said = Number(res.headers?.["Retry-After"] ?? res.headers?.["retry-after"] ?? 1);
        after = Math.max(after, Number.isFinite(said) ? said : 1);
      } else results.set(res.id, res);
    }
    pending = retry;
    if (pending.length) await wait(after);
  }
  return requests.map((r) => results.get(r.id)!);
}

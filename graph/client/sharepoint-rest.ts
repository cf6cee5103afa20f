// SharePoint REST, for the few things Graph cannot do: list permissions, custom permission levels and versioning.
import type { TokenSource } from "./factory";
import { fromResponse, toDataError } from "./errors";

export interface SharePointRest {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
}

/** `webUrl` is the site's address (from Graph's site.webUrl); paths are below it, e.g. "/_api/web/roledefinitions". */
export function createSharePointRest(webUrl: string, tokens: TokenSource): SharePointRest {
  async function send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${webUrl.replace(/\/+$/, "")}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${await tokens.getToken()}`,
          Accept: "application/json;odata=nometadata",
          "Content-Type": "application/json;odata=nometadata",
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw toDataError(e);
    }
    const text = await res.text();
    const json = text ? safeJson(text) : undefined;
    if (!res.ok) throw fromResponse(res.status, json);
    return json as T;
  }
  return {
    get: (path) => send("GET", path),
    post: (path, body, headers) => send("POST", path, body, headers),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text.slice(0, 200) } };
  }
}

/** A list title in a REST path: getbytitle('It''s') — the same doubling rule as OData filters. */
export function restTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

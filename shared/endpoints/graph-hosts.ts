// Where a token may go: Microsoft Graph's hosts (the global service and the national clouds, as Microsoft Learn's
// "National cloud deployments" lists them), or the local emulator on this machine. One list for every part. Read
// with a pattern, not URL: classic Outlook runs event handlers in a JavaScript-only runtime built on React Native's
// (Microsoft Learn, "Runtimes in Office Add-ins"), whose URL implements few of its accessors.

export const GRAPH_HOSTS: readonly string[] = ["graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn"];

const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** The scheme and host name of an http(s) address, or null. */
function partsOf(address: string | URL): { scheme: string; host: string } | null {
  const m = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^/?#:@\s[\]]+)(?::\d+)?(?:[/?#]|$)/i.exec(String(address).trim());
  return m ? { scheme: m[1].toLowerCase(), host: m[2].toLowerCase() } : null;
}

/** The host name of an https address, or undefined. */
export function httpsHostOf(address: string): string | undefined {
  const p = partsOf(address);
  return p && p.scheme === "https" ? p.host : undefined;
}

/** An https address on one of Microsoft Graph's hosts. */
export function isGraphUrl(address: string | URL): boolean {
  return GRAPH_HOSTS.includes(httpsHostOf(String(address)) ?? "");
}

/** This machine (the emulator, or the dev server in front of it). */
export function isLoopbackUrl(address: string | URL): boolean {
  const p = partsOf(address);
  return !!p && LOOPBACK_HOSTS.includes(p.host);
}

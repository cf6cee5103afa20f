// Adds the bearer token for the local emulator: the SDK's AuthenticationHandler only signs Microsoft's Graph hosts.
// Only requests to this machine are signed: a next link pointing anywhere else goes without the token.
import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import { isLoopbackUrl } from "../../shared/endpoints/graph-hosts";

export class LoopbackAuthenticationHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly provider: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
    const target = typeof context.request === "string" ? context.request : context.request.url;
    if (!isLoopbackUrl(target)) {
      await this.next?.execute(context);
      return;
    }
    const token = await this.provider.getAccessToken();
    const headers = (context.options ??= {}).headers;
    if (headers instanceof Headers) headers.set("Authorization", `Bearer ${token}`);
    else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

// Adds the bearer token for the local emulator: the SDK's AuthenticationHandler only signs Microsoft's Graph hosts.
import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";

export class LoopbackAuthenticationHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly provider: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
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

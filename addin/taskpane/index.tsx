// The task pane's entry: paint the pane at once, find the host (Outlook or the harness), then sign in and check the
// sender. Sign-in (and MSAL with it) is a chunk of its own, fetched while office.js starts, so the first paint does
// not wait for it.
import { QueryClientProvider } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { connectHost } from "../office/boot";
import { forcedColors, parseTheme } from "../office/theme";
import { App, NoHost } from "./App";

const signIn = import(/* webpackChunkName: "sign-in" */ "../pane-data/services");
// The query client comes with the sign-in code: nothing is asked of the register before there is someone to ask as.
const queryClient = import(/* webpackChunkName: "sign-in" */ "../components/query-client");
const livePane = import(/* webpackChunkName: "sign-in" */ "./LivePane");

async function main() {
  const root = createRoot(document.getElementById("root")!);
  const url = new URL(window.location.href);
  const fallbackTheme = forcedColors(window) ? "highContrast" : (parseTheme(url.searchParams.get("theme")) ?? "light");
  const connection = await connectHost();
  if (!connection.host) {
    root.render(<NoHost reason={connection.reason} theme={fallbackTheme} />);
    return;
  }
  const host = connection.host;
  root.render(<App host={host} services={null} />);
  try {
    const [{ startPaneServices }, { makeQueryClient }, { default: LivePane }] = await Promise.all([signIn, queryClient, livePane]);
    // One query client for the pane's lifetime: what it has read about senders and customers outlives a mail change.
    root.render(
      <QueryClientProvider client={makeQueryClient()}>
        <App host={host} services={startPaneServices(url, host.userAddress() || undefined)} LivePane={LivePane} />
      </QueryClientProvider>,
    );
  } catch (e) {
    const reason = e instanceof Error && e.name === "ConfigError" ? e.message : "The pane could not start: its sign-in code did not load. Close and reopen it.";
    root.render(<NoHost reason={reason} theme={host.theme()} />);
  }
}

void main();

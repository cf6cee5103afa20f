// The browser harness's entry: signs in as ?user= (a demo user, emulator only) and shows their inbox with the pane.
import { createRoot } from "react-dom/client";
import { createGraph } from "../../graph/client/factory";
import { createAccountManager } from "../auth";
import { parseTheme } from "../office/theme";
import { pageConfig } from "../pane-data/build";
import { Harness } from "./Harness";

const url = new URL(window.location.href);
const root = createRoot(document.getElementById("root")!);
try {
  const config = pageConfig(url);
  if (config.mode !== "emulator") throw new Error("The harness runs against the emulator only.");
  const graph = createGraph({ baseUrl: config.graphBaseUrl, tokens: createAccountManager(config, "browser") });
  root.render(<Harness graph={graph} user={config.user!} initialMessage={url.searchParams.get("message")} initialTheme={parseTheme(url.searchParams.get("theme")) ?? "light"} />);
} catch (e) {
  root.render(<p role="alert">{(e as Error).message}</p>);
}

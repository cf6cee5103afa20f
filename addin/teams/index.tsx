// The Teams tab's entry: render the shell at once, connect to Teams (when hosted) in parallel, sign in, then the views.
// Everything but the shell is loaded on demand, so the first JavaScript stays small.
import { createRoot } from "react-dom/client";
import { connectTeams, type TabTheme } from "./host";
import { Shell } from "./app/Shell";

function fallbackTheme(url: URL): TabTheme {
  try {
    if (window.matchMedia?.("(forced-colors: active)").matches) return "highContrast";
  } catch {
    /* no media queries */
  }
  const t = url.searchParams.get("theme");
  return t === "dark" || t === "highContrast" ? t : "light";
}

function mount(): HTMLElement {
  const existing = document.getElementById("root");
  if (existing) return existing;
  const div = document.createElement("div");
  div.id = "root";
  document.body.appendChild(div);
  return div;
}

const url = new URL(window.location.href);
const theme = fallbackTheme(url);
createRoot(mount()).render(<Shell url={url} initialTheme={theme} host={connectTeams(window, theme)} />);

// TeamsJS, loaded only when the page may be inside Teams: initialise, take Teams' theme and follow its changes.
// Outside Teams (a plain browser, the harness, a test) the tab runs standalone and the library is never downloaded.

export type TabTheme = "light" | "dark" | "highContrast";

export interface TabHost {
  /** "teams" once TeamsJS has initialised; "standalone" otherwise. */
  kind: "teams" | "standalone";
  theme: TabTheme;
  /** Teams' signed-in user (login hint), when Teams gave one. */
  loginHint?: string;
  onThemeChange(listener: (theme: TabTheme) => void): void;
}

export function themeFromTeams(name: string | undefined): TabTheme {
  return name === "dark" ? "dark" : name === "contrast" ? "highContrast" : "light";
}

/** Whether the page could be hosted: framed, opened by another window, or in a Teams native client. */
export function mayBeHosted(win: Window): boolean {
  try {
    return win.parent !== win || !!win.opener || "nativeInterface" in win;
  } catch {
    return true; // a cross-origin parent throws on access: framed
  }
}

function standalone(theme: TabTheme): TabHost {
  return { kind: "standalone", theme, onThemeChange: () => undefined };
}

/** Gives up on Teams after `timeoutMs`: an unknown frame (a harness, a preview) never answers initialize. */
export async function connectTeams(win: Window, fallback: TabTheme, timeoutMs = 4000): Promise<TabHost> {
  if (!mayBeHosted(win)) return standalone(fallback);
  try {
    const { app } = await import(/* webpackChunkName: "teams-js" */ "@microsoft/teams-js");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("Teams did not answer")), timeoutMs);
    });
    try {
      await Promise.race([app.initialize(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    const context = await app.getContext();
    app.notifySuccess();
    return {
      kind: "teams",
      theme: themeFromTeams(context.app.theme),
      loginHint: context.user?.loginHint,
      onThemeChange: (listener) => app.registerOnThemeChangeHandler((t) => listener(themeFromTeams(t))),
    };
  } catch {
    return standalone(fallback);
  }
}

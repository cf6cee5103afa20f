// Fluent themes for the host's colour scheme (Outlook's theme, or the harness toggle).
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { HostTheme } from "../office/types";

export function fluentTheme(theme: HostTheme): Theme {
  return theme === "dark" ? webDarkTheme : theme === "highContrast" ? teamsHighContrastTheme : webLightTheme;
}

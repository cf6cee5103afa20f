// Which colour scheme to show, from Outlook's officeTheme and the system's forced-colours (high contrast) mode.
import type { HostTheme } from "./types";

export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of a #rrggbb colour (0 black … 1 white), or null when it cannot be read. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** High contrast wins (the system forces colours); then Outlook's dark flag; then a dark body background. */
export function themeFrom(office: OfficeThemeLike | null | undefined, forcedColors: boolean): HostTheme {
  if (forcedColors) return "highContrast";
  if (!office) return "light";
  if (typeof office.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
  const l = luminance(office.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}

/** Whether the browser is in forced-colours (Windows high contrast) mode. */
export function forcedColors(win: { matchMedia?: (q: string) => { matches: boolean } } | undefined): boolean {
  try {
    return !!win?.matchMedia?.("(forced-colors: active)").matches;
  } catch {
    return false;
  }
}

export function parseTheme(value: string | null | undefined): HostTheme | null {
  return value === "light" || value === "dark" || value === "highContrast" ? value : null;
}

// Settings baked into the browser bundles at build time (webpack DefinePlugin). No sign-in code here: the task pane's
// first JavaScript reads these before the sign-in module has loaded.

export interface BuildConfig {
  mode: "emulator" | "tenant";
  /** Empty: the same origin's /graph/v1.0 (the dev server's proxy to the emulator). */
  graphBaseUrl: string;
  site: string;
  tenantId: string;
  clientId: string;
  /** The policy a new record starts under when an officer starts a contact log. */
  defaultPolicy: string;
  /** Empty: the same origin's /api (the dev server's proxy to the case service). */
  caseServiceUrl: string;
  caseServiceScope: string;
}

declare const __UPC_BUILD__: BuildConfig | undefined;

export const BUILD: BuildConfig =
  typeof __UPC_BUILD__ !== "undefined"
    ? __UPC_BUILD__
    : { mode: "emulator", graphBaseUrl: "", site: "root", tenantId: "", clientId: "", defaultPolicy: "council-ccm-2014", caseServiceUrl: "", caseServiceScope: "" };

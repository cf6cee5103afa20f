// The add-in's browser bundles: the task pane, the browser harness, the sign-in page and the Teams tab, plus the
// send-time guard as one self-contained commands.js (scripts/commands-bundle.js) and the well-known file that lets it
// sign in and call Graph from classic Outlook. esbuild transpiles (type-check with `npm run typecheck`). A production
// build's published pages load office.js from Microsoft's CDN, as Microsoft requires of published add-ins; the copy from
// the package is emitted too, for the harness's pane page and for development builds, which run with no internet.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { EsbuildPlugin } from "esbuild-loader";
import webpack from "webpack";
import { buildCommandsBundle } from "./scripts/commands-bundle.js";

const root = dirname(fileURLToPath(import.meta.url));
const OFFICE_DIST = join(root, "node_modules/@microsoft/office-js/dist");
/** Microsoft's evergreen office.js (Learn: "Referencing the Office JavaScript API library"); AppSource checks for it. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_LOCAL = "/office-js/office.js";

/**
 * The parts of @microsoft/office-js that Outlook needs at run time: the loader, the Outlook host scripts, the
 * telemetry and error pages, and every locale's strings. Debug builds, other hosts' scripts and typings stay behind.
 */
function officeJsFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(OFFICE_DIST, full).split("\\").join("/");
      if (statSync(full).isDirectory()) walk(full);
      else if (wanted(rel)) out.push(rel);
    }
  };
  const wanted = (rel) => {
    if (/\.debug\.js$|\.d\.ts$|vsdoc/.test(rel)) return false;
    if (!rel.includes("/")) return /^(office\.js|o15apptofilemappingtable\.js|outlook[-\w.]*\.js|outlookwebapp[-\w.]*\.js)$/.test(rel);
    const [top] = rel.split("/");
    if (["telemetry", "ariatelemetry", "agaveerrorux", "webauth"].includes(top)) return true;
    return /\/(office|outlook)_strings\.js$/.test(rel);
  };
  walk(OFFICE_DIST);
  return out;
}

/** The add-in's icons, which the manifest names as {BASE_URL}/assets/icon-<size>.png. */
class IconsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("IconsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "IconsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = join(root, "manifest/icons");
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir).filter((n) => n.endsWith(".png"))) {
          compilation.emitAsset(`assets/${name}`, new webpack.sources.RawSource(readFileSync(join(dir, name))));
        }
      });
    });
  }
}

/** Emits office.js and its companions under office-js/, from the installed package: the harness's and development's copy. */
class OfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("OfficeJsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OfficeJsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const rel of officeJsFiles()) {
          compilation.emitAsset(`office-js/${rel}`, new webpack.sources.RawSource(readFileSync(join(OFFICE_DIST, rel))), { minimized: true });
        }
      });
    });
  }
}

/**
 * commands.js, built by esbuild as one file with nothing to load (classic Outlook runs it alone, with no DOM), and
 * /.well-known/microsoft-officeaddins-allowed.json naming it: without that file classic Outlook refuses the handler's
 * sign-in and cross-origin calls (Microsoft Learn, "Use single sign-on (SSO) or cross-origin resource sharing (CORS) in
 * your event-based or spam-reporting Office Add-in", https://learn.microsoft.com/office/dev/add-ins/develop/use-sso-in-event-based-activation).
 */
class CommandsBundlePlugin {
  constructor(buildConfig, production, baseUrl) {
    this.buildConfig = buildConfig;
    this.production = production;
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CommandsBundlePlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: "CommandsBundlePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const { code, map, inputs } = await buildCommandsBundle(this.buildConfig, { production: this.production });
        compilation.emitAsset("commands.js", new webpack.sources.RawSource(code), { minimized: true });
        if (map) compilation.emitAsset("commands.js.map", new webpack.sources.RawSource(map), { development: true });
        for (const file of inputs) compilation.fileDependencies.add(file);
        const allowed = { allowed: [`${this.baseUrl}/commands.js`] };
        compilation.emitAsset(".well-known/microsoft-officeaddins-allowed.json", new webpack.sources.RawSource(`${JSON.stringify(allowed, null, 2)}\n`));
      });
    });
  }
}

/** The origin the pages are served from: UPC_BASE_URL for a tenant build (required there), else the dev server's. */
export function baseUrlFor(mode, vars = process.env) {
  const given = (vars.UPC_BASE_URL || "").trim().replace(/\/+$/, "");
  if (given) {
    if (!/^https:\/\/[^/?#]+$/.test(given)) throw new Error(`UPC_BASE_URL "${given}" must be an https origin only, like https://upc.contoso.gov.uk.`);
    return given;
  }
  if (mode === "tenant") throw new Error("UPC_BASE_URL is not set: a tenant build names its send-check script in /.well-known/microsoft-officeaddins-allowed.json by its full address, e.g. https://upc.contoso.gov.uk.");
  return (vars.UPC_DEV_BASE_URL || "https://localhost:3000").replace(/\/+$/, "");
}

/** Build-time settings for tenant builds; the emulator build needs none of them. */
function buildConfig(env) {
  return {
    mode: process.env.UPC_MODE || env.mode || "emulator",
    graphBaseUrl: process.env.UPC_GRAPH_BASE_URL || "",
    site: process.env.UPC_SITE || "root",
    tenantId: process.env.UPC_TENANT_ID || "",
    clientId: process.env.UPC_CLIENT_ID || "",
    defaultPolicy: process.env.UPC_DEFAULT_POLICY || "council-ccm-2014",
    caseServiceUrl: process.env.UPC_CASE_SERVICE_URL || "",
    caseServiceScope: process.env.UPC_CASE_SERVICE_SCOPE || "",
  };
}

/**
 * @param {{ outDir?: string, noTeams?: boolean } & Record<string, unknown>} env
 * @param {{ mode?: "production" | "development" }} argv
 */
export default function config(env = {}, argv = {}) {
  const mode = argv.mode ?? (process.env.NODE_ENV === "development" ? "development" : "production");
  const production = mode === "production";
  // The pages Outlook loads (published): Microsoft's CDN in production; development has no internet to count on.
  const officeJs = production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;
  const pages = [
    { name: "taskpane", entry: "./addin/taskpane/index.tsx", template: "./addin/taskpane/taskpane.html", title: "UPC register", officeJs },
    { name: "harness", entry: "./addin/harness/index.tsx", template: "./addin/harness/harness.html", title: "UPC add-in harness" },
  ];
  // The Office dialog's sign-in page (nested app authentication's fallback) when the auth module provides it.
  if (existsSync(join(root, "addin/auth/signin.ts"))) {
    const template = existsSync(join(root, "addin/auth/signin.html")) ? "./addin/auth/signin.html" : "./addin/commands/commands.html";
    pages.push({ name: "signin", entry: "./addin/auth/signin.ts", template, title: "Sign in to UPC", officeJs });
  }
  // The Teams tab joins the build when its entry exists (written with its own issue).
  if (existsSync(join(root, "addin/teams/index.tsx")) && !env.noTeams) {
    const template = existsSync(join(root, "addin/teams/teams.html")) ? "./addin/teams/teams.html" : "./addin/taskpane/taskpane.html";
    pages.push({ name: "teams", entry: "./addin/teams/index.tsx", template, title: "UPC cases" });
  }

  return {
    mode,
    context: root,
    target: "web",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: resolve(root, typeof env.outDir === "string" ? env.outDir : "dist"),
      // commands.js (the event handlers, fixed name: the manifest names it) is emitted by CommandsBundlePlugin.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "chunks/[name].[contenthash:8].js" : "chunks/[name].js",
      publicPath: "/",
      // dist/manifest/ is written by the manifest build (manifest/build.ts): a rebuild of the pages leaves it alone.
      clean: { keep: /^manifest[\\/]/ },
    },
    resolve: { extensions: [".tsx", ".ts", ".js", ".mjs"] },
    module: {
      rules: [
        { test: /\.[jt]sx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "es2020", jsx: "automatic" } },
        // Our own modules have no import-time side effects: let unused re-exports drop out of the task pane.
        { test: /[\\/](shared|graph|addin)[\\/].*\.tsx?$/, sideEffects: false },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: "es2020", css: false, legalComments: "none" })],
      // Each page gets its own entry bundle, so the task pane's first JavaScript holds only what the pane uses;
      // code shared by lazily loaded chunks is split out as webpack sees fit.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        "process.env.NODE_ENV": JSON.stringify(mode),
        __UPC_BUILD__: JSON.stringify(buildConfig(env)),
      }),
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            title: p.title,
            scriptLoading: "defer",
            inject: "body",
            templateParameters: { officeJs: p.officeJs ?? OFFICE_JS_LOCAL },
          }),
      ),
      // The harness frames the same pane code in a page of its own that keeps the local office.js, so it works with no
      // internet whatever the build; it is not one of the pages a tenant publishes (DEPLOY.md).
      new HtmlWebpackPlugin({
        filename: "harness-pane.html",
        template: "./addin/taskpane/taskpane.html",
        chunks: ["taskpane"],
        title: "UPC register",
        scriptLoading: "defer",
        inject: "body",
        templateParameters: { officeJs: OFFICE_JS_LOCAL },
      }),
      // The event handlers' page loads office.js and commands.js itself (browser runtimes: web, new Outlook, Mac).
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./addin/commands/commands.html", chunks: [], title: "UPC send check", inject: false, templateParameters: { officeJs } }),
      new CommandsBundlePlugin(buildConfig(env), production, baseUrlFor(buildConfig(env).mode)),
      new OfficeJsPlugin(),
      new IconsPlugin(),
    ],
    stats: "errors-warnings",
  };
}

// The add-in's browser bundles: the task pane, the send-time guard (commands), the browser harness and, once it exists,
// the Teams tab. esbuild transpiles (type-check with `npm run typecheck`); office.js is copied from the package.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { EsbuildPlugin } from "esbuild-loader";
import webpack from "webpack";

const root = dirname(fileURLToPath(import.meta.url));
const OFFICE_DIST = join(root, "node_modules/@microsoft/office-js/dist");

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

/** Emits office.js and its companions under office-js/, from the installed package (no CDN). */
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
  const pages = [
    { name: "taskpane", entry: "./addin/taskpane/index.tsx", template: "./addin/taskpane/taskpane.html", title: "UPC register" },
    { name: "commands", entry: "./addin/commands/index.ts", template: "./addin/commands/commands.html", title: "UPC send check" },
    { name: "harness", entry: "./addin/harness/index.tsx", template: "./addin/harness/harness.html", title: "UPC add-in harness" },
  ];
  // The Office dialog's sign-in page (nested app authentication's fallback) when the auth module provides it.
  if (existsSync(join(root, "addin/auth/signin.ts"))) {
    const template = existsSync(join(root, "addin/auth/signin.html")) ? "./addin/auth/signin.html" : "./addin/commands/commands.html";
    pages.push({ name: "signin", entry: "./addin/auth/signin.ts", template, title: "Sign in to UPC" });
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
      // The event handlers' script keeps a fixed name: classic Outlook on Windows loads it by the URL in the manifest.
      filename: (pathData) => (!production || pathData.chunk?.name === "commands" ? "[name].js" : "[name].[contenthash:8].js"),
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
          }),
      ),
      new OfficeJsPlugin(),
      new IconsPlugin(),
    ],
    stats: "errors-warnings",
  };
}

// The send-time check as one self-contained script (commands.js) for classic Outlook's JavaScript-only runtime.
// That runtime loads only the file the manifest names, supports no imports and has no DOM, so everything (MSAL
// included) is bundled into a single IIFE with no chunks and no loader: Microsoft Learn, "Activate add-ins with
// events" > "Event-based add-in limitations in ... classic Outlook on Windows"
// (https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation). Used by webpack.config.js (npm run
// build, npm start) and by the tests, so what the tests run is what is deployed.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const COMMANDS_ENTRY = join(root, "addin/commands/index.ts");

/**
 * esbuild options for commands.js. ES2017 keeps async functions native (classic Outlook runs handlers on V8) while
 * lowering the newer syntax MSAL ships, as Microsoft's NAA event sample does for older Outlook builds.
 * @param {Record<string, unknown>} buildConfig what webpack's DefinePlugin gives the other pages as __UPC_BUILD__
 * @param {{ production?: boolean }} [options]
 */
export function commandsBuildOptions(buildConfig, options = {}) {
  const production = options.production ?? true;
  return {
    entryPoints: [COMMANDS_ENTRY],
    bundle: true,
    splitting: false,
    format: "iife",
    platform: "browser",
    target: "es2017",
    write: false,
    outfile: "commands.js",
    minify: production,
    sourcemap: production ? "external" : false,
    legalComments: "none",
    metafile: true,
    logLevel: "silent",
    define: {
      "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development"),
      __UPC_BUILD__: JSON.stringify(buildConfig),
    },
  };
}

/**
 * Builds commands.js in memory.
 * @returns {Promise<{ code: string, map: string | undefined, inputs: string[] }>}
 */
export async function buildCommandsBundle(buildConfig, options = {}) {
  const result = await build(commandsBuildOptions(buildConfig, options));
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
  const map = result.outputFiles.find((f) => f.path.endsWith(".js.map"));
  const inputs = Object.keys(result.metafile.inputs).map((p) => join(root, p));
  return { code: js.text, map: map?.text, inputs };
}

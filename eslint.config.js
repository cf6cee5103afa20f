// Lint rules, chiefly the one-way layers of DESIGN.md: addin, service → graph → shared; emulator stands alone.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const NODE_IO = ["fs", "fs/*", "node:*", "http", "https", "net", "child_process", "path", "os", "crypto", "stream", "worker_threads"];

/** Each layer's forbidden imports: patterns matched against the import source. */
const layer = (files, groups, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: groups.map((group) => ({ group, message })) }],
  },
});

/** A Graph (or SharePoint REST) path written as text: those belong in graph/, the one place that talks to Graph. */
const GRAPH_PATH = String.raw`/^\/(users|me|sites|groups|subscriptions|_api|\$batch|drives|directoryObjects)(\/|\?|\(|$)/`;
const GRAPH_PATH_MESSAGE = "Graph paths are built in graph/ only: call (or add) a function there instead of writing the URL here.";
const noGraphUrls = (files) => ({
  files,
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: `Literal[value=${GRAPH_PATH}]`, message: GRAPH_PATH_MESSAGE },
      { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${GRAPH_PATH}]`, message: GRAPH_PATH_MESSAGE },
    ],
  },
});

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", ".emulator-data/**", "test-results/**", "bench-results/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", fetch: "readonly", AbortController: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", Office: "readonly", window: "readonly", document: "readonly", performance: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  // React's rules for hooks (v7's recommended set, the React Compiler's checks included) on both front ends.
  { files: ["addin/**/*.{ts,tsx}"], ...reactHooks.configs.flat["recommended-latest"] },
  layer(
    ["shared/**/*.{ts,tsx}"],
    [
      ["**/graph", "**/graph/**", "**/addin", "**/addin/**", "**/service", "**/service/**", "**/emulator", "**/emulator/**"],
      ["react", "react-dom", "react/*", "@fluentui/*", "@microsoft/*", "@azure/*", "office-*"],
      NODE_IO,
    ],
    "shared/ is the pure domain: no graph/, addin/, service/, emulator/, React, Office, Graph or Node I/O.",
  ),
  layer(
    ["graph/**/*.{ts,tsx}"],
    [["**/addin", "**/addin/**", "**/service", "**/service/**", "**/emulator", "**/emulator/**"], ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "@microsoft/teams-js"]],
    "graph/ may import only shared/ and the Graph client: never addin/, service/, emulator/ or UI code.",
  ),
  layer(
    ["addin/**/*.{ts,tsx}"],
    [["**/service", "**/service/**", "**/emulator", "**/emulator/**"], NODE_IO],
    "addin/ runs in the browser and reaches data only through graph/: never service/, emulator/ or Node I/O.",
  ),
  layer(
    ["service/**/*.{ts,tsx}"],
    [["**/addin", "**/addin/**", "**/emulator", "**/emulator/**"], ["react", "react-dom", "@fluentui/*"]],
    "service/ may import shared/ and graph/ only: never addin/ or emulator/.",
  ),
  noGraphUrls(["addin/**/*.{ts,tsx}", "service/**/*.{ts,tsx}"]),
  layer(
    ["emulator/**/*.{ts,tsx}"],
    [["**/shared", "**/shared/**", "**/graph", "**/graph/**", "**/addin", "**/addin/**", "**/service", "**/service/**"], ["@microsoft/*", "@azure/*", "react"]],
    "emulator/ stands alone: it imports only its own code and Node.",
  ),
);

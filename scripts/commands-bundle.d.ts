// Types for scripts/commands-bundle.js (plain JavaScript so that webpack.config.js can load it without a TypeScript loader).
export declare const COMMANDS_ENTRY: string;
export declare function commandsBuildOptions(buildConfig: Record<string, unknown>, options?: { production?: boolean }): Record<string, unknown>;
export declare function buildCommandsBundle(buildConfig: Record<string, unknown>, options?: { production?: boolean }): Promise<{ code: string; map: string | undefined; inputs: string[] }>;

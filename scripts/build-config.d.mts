// Types of build-config.mjs for the TypeScript tests that use it.
import type { BuildOptions } from 'esbuild';

export function nodeBundleOptions(production?: boolean): BuildOptions;
export const NODE_ENTRIES: ReadonlyArray<readonly [source: string, bundle: string]>;
export const NODE_ASSETS: ReadonlyArray<readonly [source: string, copy: string]>;
export const WEBVIEW_ENTRIES: ReadonlyArray<readonly [source: string, bundle: string]>;
export const BUNDLE_EXTERNALS: Readonly<Record<string, readonly string[]>>;

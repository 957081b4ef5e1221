import type { BuildOptions } from 'esbuild';

/** esbuild options for a Node 20 ESM bundle of daemon code; add entryPoints and outdir. */
export declare const DAEMON_BUNDLE_OPTIONS: BuildOptions;

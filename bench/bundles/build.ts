import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { build, type BuildOptions } from 'esbuild';
import { HANDLER_BUNDLE_OPTIONS } from '../../lib/handler-code.js';

/**
 * The esbuild options the stack bundles every function with (lib/handler-code.ts: CJS, minify,
 * source map, AWS SDK bundled, target the functions' Node.js runtime, platform node), imported so
 * the bench measures exactly what ships.
 */
export const STACK_BUILD_OPTIONS: BuildOptions = HANDLER_BUNDLE_OPTIONS;

/**
 * What CDK's `NodejsFunction` would mark external without `bundleAwsSDK` (the default app's cdk.json sets
 * `@aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages`, which adds `@smithy/*`).
 */
export const SDK_EXTERNALS: readonly string[] = ['@aws-sdk/*', '@smithy/*'];

/** A built bundle. */
export interface Bundle {
  /** Absolute path of `index.js`. */
  readonly file: string;
  /** Bytes of `index.js`. */
  readonly bytes: number;
  /** Bytes of `index.js` gzipped (about what the deployment zip holds of it). */
  readonly gzipBytes: number;
  /** Bytes of `index.js.map`. */
  readonly mapBytes: number;
  /** `@aws-sdk/client-*` packages the bundle holds, from esbuild's metafile. */
  readonly sdkClients: readonly string[];
}

/** Bundles `entry` (a file path, or `{ contents }` resolved from `resolveDir`) into `outDir/index.js`. */
export async function bundle(
  entry: string | { readonly contents: string; readonly resolveDir: string },
  outDir: string,
  externals: readonly string[] = [],
): Promise<Bundle> {
  const file = path.join(outDir, 'index.js');
  const result = await build({
    ...STACK_BUILD_OPTIONS,
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, sourcefile: 'entry.ts', loader: 'ts' } }),
    outfile: file,
    external: [...externals],
    metafile: true,
  });
  const clients = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(input);
    if (match) clients.add(match[1]!);
  }
  const code = await readFile(file);
  return {
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    mapBytes: (await stat(`${file}.map`)).size,
    sdkClients: [...clients].sort(),
  };
}

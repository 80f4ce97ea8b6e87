import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { AssetHashType, DockerImage, type BundlingOptions, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type * as esbuild from 'esbuild';
import { HandlerBundlingError } from './errors.js';

/** The Node.js version handler bundles target; matches `HandlerFunction.RUNTIME`. */
export const HANDLER_BUNDLE_TARGET = 'node24';

/** The module every handler bundle is written to (`index.js`); handler strings are `index.<export>`. */
export const HANDLER_BUNDLE_MODULE = 'index';

/**
 * The esbuild options of every handler bundle: what `NodejsFunction` passed with hookbridge's
 * bundling props (`format: CJS`, `minify`, `sourceMap`, `bundleAwsSDK`, log level warning), so the
 * bundles are byte for byte those it wrote. The AWS SDK is bundled: the version tested is the
 * version shipped, the runtime's own copy may differ.
 */
export const HANDLER_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: HANDLER_BUNDLE_TARGET,
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
} as const satisfies esbuild.BuildOptions;

/**
 * Bundles one entry with esbuild's JS API, in this process.
 *
 * `NodejsFunction` ran `npx --no-install esbuild` once per distinct entry, and npx alone cost about
 * as much as the build; the API saves that start-up and never falls back to Docker.
 */
class EsbuildLocalBundling implements ILocalBundling {
  // Both fields are part of the JSON CDK hashes into its staging cache key, so functions that share
  // an entry share one bundling run and one asset per app.
  public constructor(
    private readonly entry: string,
    private readonly options: typeof HANDLER_BUNDLE_OPTIONS,
  ) {}

  public tryBundle(outputDir: string): boolean {
    const build = loadEsbuild(this.entry);
    try {
      build.buildSync({ ...this.options, entryPoints: [this.entry], outfile: join(outputDir, `${HANDLER_BUNDLE_MODULE}.js`) });
    } catch (error) {
      throw new HandlerBundlingError(this.entry, `${describeBuildFailure(error)}; fix the handler source`, { cause: error });
    }
    return true;
  }
}

/** esbuild's first error with its location, on one line. */
function describeBuildFailure(error: unknown): string {
  const first = (error as Partial<esbuild.BuildFailure>).errors?.[0];
  if (first === undefined) return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const at = first.location ? ` (${resolve(first.location.file)}:${first.location.line}:${first.location.column})` : '';
  return `esbuild: ${first.text}${at}`;
}

let esbuildModule: typeof esbuild | undefined;

/**
 * esbuild, resolved from this package and then from the app's working directory (an installed
 * hookbridge has it as a devDependency only, so the app brings its own, as `NodejsFunction` needed).
 */
function loadEsbuild(entry: string): typeof esbuild {
  if (esbuildModule !== undefined) return esbuildModule;
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      esbuildModule = createRequire(base)('esbuild') as typeof esbuild;
      return esbuildModule;
    } catch {
      // not installed there
    }
  }
  throw new HandlerBundlingError(
    entry,
    `esbuild is not installed in ${process.cwd()} or beside hookbridge; run \`npm install --save-dev esbuild\` (hookbridge bundles locally, never in Docker)`,
  );
}

/**
 * The Lambda code of a TypeScript handler entry: `index.js` and its source map, bundled by esbuild
 * with {@link HANDLER_BUNDLE_OPTIONS} when the stack is synthesized with bundling (skipped, like every
 * CDK bundling, for stacks outside `aws:cdk:bundling-stacks`).
 *
 * Every call for the same entry yields the same asset: CDK's staging caches a bundling run by its
 * options, and names the asset by the hash of the output, so one entry is bundled once per app and
 * stored once in `cdk.out`, however many functions run it.
 */
export function handlerCode(entry: string): Code {
  return Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws (the image CDK's own NodejsFunction
      // names when it bundles locally).
      image: DockerImage.fromRegistry('dummy'),
      local: new EsbuildLocalBundling(entry, HANDLER_BUNDLE_OPTIONS),
    } satisfies BundlingOptions,
  });
}

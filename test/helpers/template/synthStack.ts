import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ResolveContext } from '../../../local/template/types.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (where package-lock.json is). */
export const REPO_ROOT = resolve(here, '../../..');

/** Entry file of the tiny test handler. */
export const ECHO_HANDLER = join(here, 'handlers/echo.ts');

/** A synthesized assembly in a temp directory; `dispose()` removes it. */
export interface SynthesizedStack {
  readonly outdir: string;
  readonly stackName: string;
  dispose(): void;
}

/**
 * Synthesize one stack built by `build` into a fresh temp directory. Bundling is skipped unless
 * `bundle` is set (then NodejsFunction runs the locally installed esbuild).
 */
export function synthStack(
  build: (stack: Stack) => void,
  options: { readonly stackName?: string; readonly bundle?: boolean; readonly outdir?: string; readonly extraStacks?: string[] } = {},
): SynthesizedStack {
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), 'hookbridge-template-'));
  // CDK's built-in template validation is not what these tests check and costs seconds per synth.
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: options.bundle === true ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stackName = options.stackName ?? 'TemplateTest';
  build(new Stack(app, stackName));
  for (const extra of options.extraStacks ?? []) new Stack(app, extra);
  app.synth();
  return { outdir, stackName, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** A NodejsFunction running the echo handler, resolving dependencies against the repo's lock file. */
export function echoFunction(scope: Construct, id: string, props: Partial<nodejs.NodejsFunctionProps> = {}): nodejs.NodejsFunction {
  return new nodejs.NodejsFunction(scope, id, {
    entry: ECHO_HANDLER,
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_22_X,
    ...props,
  });
}

/** The context the local runtime would use for `stackName`. */
export function localContext(stackName: string, overrides: Partial<ResolveContext> = {}): ResolveContext {
  return {
    region: 'us-east-1',
    accountId: '000000000000',
    edgeUrl: 'http://127.0.0.1:4566',
    webhookBaseUrl: 'http://127.0.0.1:3000',
    stackName,
    ...overrides,
  };
}

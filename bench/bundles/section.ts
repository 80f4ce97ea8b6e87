import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HandlerEntries, packagePath, packageRoot } from '../../lib/paths.js';
import { figure } from '../figure.js';
import { summarize, type Summary } from '../stats.js';
import type { BenchSettings, Figure, SectionResult } from '../types.js';
import { AwsStub, type AwsTarget } from './aws-stub.js';
import { bundle, SDK_EXTERNALS, type Bundle } from './build.js';
import { coldStart } from './cold-start.js';
import { invocationOf, type FunctionName, type Invocation } from './invocations.js';
import { calledClients, HELLO_WORLD_SOURCE, sdkFloorSource } from './sdk-floor.js';

/** Cold start is held to this factor of the SDK's own floor. */
const COLD_TARGET = { text: '≤ 1.3× SDK floor', maxRatio: 1.3 };

/** What each SDK floor holds and calls, for labels. */
const floorLabels = new WeakMap<Variant, string>();

/** Something cold-started: a function, the hello-world handler, or an SDK floor. */
interface Variant {
  readonly key: string;
  readonly bundle: Bundle;
  readonly invocationFile: string;
  readonly env: Readonly<Record<string, string>>;
  readonly check: (result: unknown) => void;
  readonly samples: { total: number[]; importMs: number[]; invokeMs: number[]; wallMs: number[] };
}

/**
 * Bundles: the size of every Lambda bundle of the default app, and its cold start in a fresh
 * process (import + first invocation, AWS calls answered by a local stub), against a hello-world
 * handler and the SDK's own floor (the same clients making the same calls), all bundled the way
 * the stack bundles them.
 */
export async function bundlesSection(settings: BenchSettings): Promise<SectionResult> {
  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), 'hookbridge-bench-bundles-'));
  const stub = await AwsStub.start();
  try {
    const names = Object.keys(HandlerEntries) as FunctionName[];
    const helloInvocation: Invocation = { event: {}, env: {}, check: expectStatus(200, 'hello world') };
    const [functions, externals, hello] = await Promise.all([
      Promise.all(names.map((name) => bundle(packagePath(HandlerEntries[name]), path.join(work, name)))),
      Promise.all(names.map((name) => bundle(packagePath(HandlerEntries[name]), path.join(work, `${name}-external`), SDK_EXTERNALS))),
      bundle({ contents: HELLO_WORLD_SOURCE, resolveDir: packageRoot() }, path.join(work, 'hello-world')),
    ]);
    const baseEnv = awsEnv(stub.url, work);
    const variant = async (key: string, built: Bundle, invocation: Invocation): Promise<Variant> => {
      const invocationFile = path.join(work, `${key}.invocation.json`);
      await writeFile(invocationFile, JSON.stringify({ event: invocation.event, context: lambdaContext(key) }));
      return {
        key,
        bundle: built,
        invocationFile,
        env: { ...baseEnv, ...invocation.env, AWS_LAMBDA_FUNCTION_NAME: key },
        check: invocation.check,
        samples: { total: [], importMs: [], invokeMs: [], wallMs: [] },
      };
    };

    // Round 0 doubles as discovery: each function's first cold start records the AWS calls its
    // first invocation makes, which its SDK floor then makes too.
    const functionVariants: Variant[] = [];
    const floors = new Map<string, Variant>();
    const floorOf = new Map<FunctionName, Variant>();
    // The floor of only the clients the first invocation calls, where that is fewer than the bundled ones.
    const calledFloorOf = new Map<FunctionName, Variant>();
    const floorFor = async (clients: readonly string[], calls: readonly AwsTarget[], invocation: Invocation): Promise<Variant> => {
      const source = sdkFloorSource(clients, calls);
      let floor = floors.get(source);
      if (!floor) {
        const key = `sdk-floor-${floors.size + 1}`;
        const dir = path.join(work, key);
        await mkdir(dir, { recursive: true });
        const built = await bundle({ contents: source, resolveDir: packageRoot() }, dir);
        floor = await variant(key, built, { event: {}, env: invocation.env, check: expectStatus(200, key) });
        floorLabels.set(floor, describeFloor(clients, calls));
        floors.set(source, floor);
      }
      return floor;
    };
    for (const [index, name] of names.entries()) {
      const invocation = invocationOf(name);
      const fn = await variant(name, functions[index]!, invocation);
      await run(fn);
      const calls = stub.take();
      functionVariants.push(fn);
      floorOf.set(name, await floorFor(fn.bundle.sdkClients, calls, invocation));
      const called = calledClients(fn.bundle.sdkClients, calls);
      if (called.length < fn.bundle.sdkClients.length) calledFloorOf.set(name, await floorFor(called, calls, invocation));
    }
    const helloVariant = await variant('hello-world', hello, helloInvocation);
    const all = [helloVariant, ...floors.values(), ...functionVariants];
    for (const v of all.slice(0, 1 + floors.size)) await run(v);
    stub.take();
    // Further rounds interleave everything in a rotating order, so load bursts hit all alike.
    for (let round = 1; round < settings.coldRuns; round++) {
      for (let k = 0; k < all.length; k++) await run(all[(k + round) % all.length]!);
      stub.take();
    }

    const figures: Figure[] = [];
    const ms = (v: Variant): Summary => summarize(v.samples.total);
    const kib = (bytes: number): number => bytes / 1024;
    const wall = (v: Variant): Summary => summarize(v.samples.wallMs);
    const helloWall = { name: 'hello world', value: wall(helloVariant).median };
    for (const [index, fn] of functionVariants.entries()) {
      const name = names[index]!;
      const floor = floorOf.get(name)!;
      const cold = ms(fn);
      const importMs = summarize(fn.samples.importMs).median;
      const invokeMs = summarize(fn.samples.invokeMs).median;
      figures.push(
        figure({
          id: `bundles.${name}.size`,
          label: `${name} bundle size`,
          value: kib(fn.bundle.bytes),
          unit: 'KiB',
          baseline: { name: 'SDK floor bundle', value: kib(floor.bundle.bytes) },
          note: `gzip ${kib(fn.bundle.gzipBytes).toFixed(0)} KiB, source map ${kib(fn.bundle.mapBytes).toFixed(0)} KiB; clients: ${fn.bundle.sdkClients.map(short).join(', ') || 'none'}`,
        }),
        figure({
          id: `bundles.${name}.size-external`,
          label: `${name} bundle size, SDK external (not shipped)`,
          value: kib(externals[index]!.bytes),
          unit: 'KiB',
          baseline: { name: 'SDK bundled', value: kib(fn.bundle.bytes) },
          note: 'for comparison: the stack bundles the SDK (bundleAwsSDK: true)',
        }),
        figure({
          id: `bundles.${name}.cold`,
          label: `${name} cold start (import + first invocation)`,
          value: cold.median,
          unit: 'ms',
          baseline: { name: `SDK floor (${floorLabels.get(floor)})`, value: ms(floor).median },
          target: COLD_TARGET,
          spread: cold.spread,
          note: `import ${importMs.toFixed(0)} ms + first invocation ${invokeMs.toFixed(0)} ms`,
        }),
      );
      const calledFloor = calledFloorOf.get(name);
      if (calledFloor) {
        figures.push(
          figure({
            id: `bundles.${name}.cold-vs-called-floor`,
            label: `${name} cold start vs SDK floor of the clients its first invocation calls`,
            value: cold.median,
            unit: 'ms',
            baseline: { name: `SDK floor (${floorLabels.get(calledFloor)})`, value: ms(calledFloor).median },
            spread: cold.spread,
            note: 'informational: the targeted floor also loads and constructs the bundled clients the first invocation does not use',
          }),
        );
      }
      figures.push(
        figure({
          id: `bundles.${name}.wall-vs-hello`,
          label: `${name} process start to first answer vs hello world`,
          value: wall(fn).median,
          unit: 'ms',
          baseline: helloWall,
          spread: wall(fn).spread,
          note: 'wall time in the parent: Node start + import + first invocation',
        }),
      );
    }
    for (const floor of floors.values()) {
      figures.push(
        figure({
          id: `bundles.${floor.key}.wall-vs-hello`,
          label: `SDK floor (${floorLabels.get(floor)}) process start to first answer vs hello world`,
          value: wall(floor).median,
          unit: 'ms',
          baseline: helloWall,
          spread: wall(floor).spread,
          note:
            `in-process ${ms(floor).median.toFixed(0)} ms (import ${summarize(floor.samples.importMs).median.toFixed(0)} + first invocation ` +
            `${summarize(floor.samples.invokeMs).median.toFixed(0)}); bundle ${kib(floor.bundle.bytes).toFixed(0)} KiB; hello world ${kib(hello.bytes).toFixed(1)} KiB`,
        }),
      );
    }
    return {
      name: 'bundles',
      notes: [
        'Bundled with esbuild as NodejsFunction does for the stack: CJS, minify, source map, platform node, target node24, SDK bundled.',
        `Cold start = require(bundle) + first invocation, in a fresh \`node --enable-source-maps\` process (as the stack's NODE_OPTIONS), median of ${settings.coldRuns} interleaved runs on Node ${process.versions.node} (Lambda runs Node 24).`,
        'AWS calls of the first invocation go to a local stub (127.0.0.1) answering the real JSON protocol: verifier GetSecretValue + PutEvents, consumers their DynamoDB writes.',
        'SDK floor = a bundle of only the SDK clients the function bundles (from the esbuild metafile), each constructed, making the same calls in the same order.',
        'cold-vs-called-floor (informational): the same against a floor of only the clients the first invocation calls; the verifier loads its S3 client on the first claim check, so its first invocation never evaluates the S3 SDK the targeted floor constructs (the code is still bundled and parsed).',
      ],
      figures,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await stub.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function run(v: Variant): Promise<void> {
  const start = await coldStart(v.bundle.file, v.invocationFile, v.env);
  v.check(start.result);
  v.samples.importMs.push(start.importMs);
  v.samples.invokeMs.push(start.invokeMs);
  v.samples.total.push(start.importMs + start.invokeMs);
  v.samples.wallMs.push(start.wallMs);
}

function describeFloor(clients: readonly string[], calls: readonly AwsTarget[]): string {
  const what = clients.map(short).join('+') || 'no SDK client';
  return calls.length > 0 ? `${what}; ${calls.map((call) => call.split('.')[1]).join(', ')}` : what;
}

function short(pkg: string): string {
  return pkg.replace('@aws-sdk/client-', '');
}

function expectStatus(status: number, key: string): (result: unknown) => void {
  return (result) => {
    const statusCode = (result as { statusCode?: number } | undefined)?.statusCode;
    if (statusCode !== status) throw new Error(`${key} answered ${String(statusCode)}, expected ${status}`);
  };
}

/** The environment of every cold start: credentials, region, the stub as endpoint, and no shared config files. */
function awsEnv(endpoint: string, work: string): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret-key',
    AWS_SESSION_TOKEN: 'bench-session-token',
    AWS_ENDPOINT_URL: endpoint,
    AWS_CONFIG_FILE: path.join(work, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    POWERTOOLS_METRICS_NAMESPACE: 'hookbridge',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    HOME: work,
  };
}

function lambdaContext(name: string): Record<string, unknown> {
  return {
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    memoryLimitInMB: '256',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: '2026/01/01/[$LATEST]bench',
    callbackWaitsForEmptyEventLoop: true,
  };
}

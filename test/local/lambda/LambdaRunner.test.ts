import { threadId as mainThreadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BundleNotFoundError,
  LambdaRunner,
  RunnerShutDownError,
  clockOffsetFromNowOverride,
  type InvocationResult,
  type LambdaFunctionConfig,
  type LambdaRunnerOptions,
} from '../../../local/lambda/index.js';
import { fixtureDir } from '../../helpers/lambda/fixtures.js';
import { logCollector } from '../../helpers/lambda/logCollector.js';

const runners: LambdaRunner[] = [];

function runner(config: Partial<LambdaFunctionConfig> & { fixture: string }, options: LambdaRunnerOptions = {}): LambdaRunner {
  const { fixture, ...rest } = config;
  const created = new LambdaRunner(
    { functionName: `fn-${fixture}`, assetDir: fixtureDir(fixture), handler: 'index.handler', ...rest },
    { logSink: () => undefined, ...options },
  );
  runners.push(created);
  return created;
}

function payloadOf(result: InvocationResult): Record<string, unknown> {
  if (result.status !== 'success') throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.payload as Record<string, unknown>;
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.shutdown(100)));
});

describe('LambdaRunner environment', () => {
  it('gives each function only its own variables plus the Lambda-defined ones', async () => {
    // GIVEN two functions with different template environments
    process.env.HOST_ONLY_SECRET = 'must-not-leak';
    const orders = runner({ fixture: 'env-echo', functionName: 'orders', environment: { TABLE: 'orders-table' } });
    const audit = runner({ fixture: 'env-echo', functionName: 'audit', environment: { AUDIT_TABLE: 'audit-table' } });

    // WHEN both are invoked
    const [ordersEnv, auditEnv] = (await Promise.all([orders.invoke({}), audit.invoke({})])).map(
      (result) => payloadOf(result).env as Record<string, string>,
    );
    delete process.env.HOST_ONLY_SECRET;

    // THEN neither sees the other's variables nor the host's
    expect(ordersEnv.TABLE).toBe('orders-table');
    expect(ordersEnv).not.toHaveProperty('AUDIT_TABLE');
    expect(auditEnv.AUDIT_TABLE).toBe('audit-table');
    expect(auditEnv).not.toHaveProperty('TABLE');
    expect(ordersEnv).not.toHaveProperty('HOST_ONLY_SECRET');
    expect(ordersEnv.AWS_ACCESS_KEY_ID).not.toBe(auditEnv.AWS_ACCESS_KEY_ID);
    // AND the main thread's environment is untouched
    expect(process.env.TABLE).toBeUndefined();
  });

  it('sets the variables the Lambda Node.js runtime defines', async () => {
    // GIVEN a function with a region, memory, credentials and an endpoint
    const fn = runner({
      fixture: 'env-echo',
      functionName: 'verifier',
      region: 'eu-west-1',
      memorySizeMb: 512,
      credentials: { accessKeyId: 'LOCALABC', secretAccessKey: 'dummy', sessionToken: 'token' },
      endpointUrl: 'http://127.0.0.1:4566',
      environment: { AWS_REGION: 'template-cannot-override-reserved' },
    });

    // WHEN it is invoked
    const env = payloadOf(await fn.invoke({})).env as Record<string, string>;

    // THEN the reserved variables are Lambda's
    expect(env).toMatchObject({
      _HANDLER: 'index.handler',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_NAME: 'verifier',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/verifier',
      AWS_ACCESS_KEY_ID: 'LOCALABC',
      AWS_SECRET_ACCESS_KEY: 'dummy',
      AWS_SESSION_TOKEN: 'token',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      LAMBDA_TASK_ROOT: fixtureDir('env-echo'),
      TZ: ':UTC',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('passes a Lambda-shaped context', async () => {
    // GIVEN a function with a 5 second timeout
    const fn = runner({ fixture: 'env-echo', functionName: 'ctx', timeoutSeconds: 5, memorySizeMb: 256 });

    // WHEN it is invoked
    const result = await fn.invoke({ hello: 'world' });
    const { context, event } = payloadOf(result) as { context: Record<string, unknown>; event: unknown };

    // THEN the context carries Lambda's fields and the event crossed a JSON round trip
    expect(event).toEqual({ hello: 'world' });
    expect(context).toMatchObject({
      functionName: 'ctx',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:ctx',
      memoryLimitInMB: '256',
      awsRequestId: result.requestId,
      logGroupName: '/aws/lambda/ctx',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(result.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(context.remaining).toBeGreaterThan(4_000);
    expect(context.remaining).toBeLessThanOrEqual(5_000);
  });
});

describe('LambdaRunner execution environments', () => {
  it('reuses module state across warm invocations and loads the module once', async () => {
    // GIVEN a function with a module-level counter and one environment
    const fn = runner({ fixture: 'warm-state', reservedConcurrency: 1 });

    // WHEN it is invoked three times in a row
    const first = await fn.invoke({});
    const second = await fn.invoke({});
    const third = await fn.invoke({});

    // THEN the first was a cold start and the others saw the same module instance
    expect([first, second, third].map((r) => payloadOf(r).count)).toEqual([1, 2, 3]);
    expect([first.coldStart, second.coldStart, third.coldStart]).toEqual([true, false, false]);
    expect(new Set([first, second, third].map((r) => payloadOf(r).loadedAt)).size).toBe(1);
    expect(payloadOf(first).threadId).not.toBe(mainThreadId);
    expect(fn.stats()).toMatchObject({ invocations: 3, coldStarts: 1, workers: 1, errors: 0 });
  });

  it('fails a slow invocation with Task timed out and recycles the environment', async () => {
    // GIVEN a function with a 1 second timeout whose handler never yields
    const logs = logCollector();
    const fn = runner({ fixture: 'sleeper', handler: 'index.spin', timeoutSeconds: 1 }, { logSink: logs.sink });

    // WHEN it is invoked
    const started = Date.now();
    const result = await fn.invoke({});

    // THEN the invocation fails like Lambda's timeout, after about the timeout
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.errorType).toBe('Sandbox.Timedout');
    expect(result.error.errorMessage).toBe(`RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(logs.messages()).toContain(`RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds`);
    // AND the busy-looping worker is gone
    expect(fn.stats()).toMatchObject({ timeouts: 1, errors: 1, workers: 0, active: 0 });
  });

  it('starts a fresh environment after a timeout', async () => {
    // GIVEN a function whose first invocation times out
    const fn = runner({ fixture: 'sleeper', timeoutSeconds: 1, reservedConcurrency: 1 });
    const timedOut = await fn.invoke({ ms: 1_500 });
    expect(timedOut.status).toBe('error');

    // WHEN it is invoked again
    const next = await fn.invoke({ ms: 1 });

    // THEN a new (cold) environment serves it
    expect(next.status).toBe('success');
    expect(next.coldStart).toBe(true);
    expect(fn.stats().coldStarts).toBe(2);
  });

  it('makes getRemainingTimeInMillis count down from the timeout', async () => {
    // GIVEN a function with a 3 second timeout
    const fn = runner({ fixture: 'sleeper', timeoutSeconds: 3 });

    // WHEN the handler reads the remaining time before and after sleeping 300 ms
    const { before, after } = payloadOf(await fn.invoke({ ms: 300 })) as { before: number; after: number };

    // THEN it starts near 3000 and decreases by about the sleep
    expect(before).toBeLessThanOrEqual(3_000);
    expect(before).toBeGreaterThan(2_500);
    expect(before - after).toBeGreaterThanOrEqual(290);
    expect(before - after).toBeLessThan(1_500);
  });

  it('runs at most maxConcurrency invocations at once and queues the rest', async () => {
    // GIVEN a function limited to 3 concurrent environments
    const logs = logCollector();
    const fn = runner({ fixture: 'sleeper', reservedConcurrency: 3 }, { logSink: logs.sink });

    // WHEN 9 invocations of 250 ms are started together
    const results = await Promise.all(Array.from({ length: 9 }, () => fn.invoke({ ms: 250 })));

    // THEN all succeed, exactly 3 ran at once, on 3 environments
    expect(results.every((r) => r.status === 'success')).toBe(true);
    expect(logs.maxConcurrent()).toBe(3);
    expect(new Set(results.map((r) => payloadOf(r).threadId)).size).toBe(3);
    expect(fn.stats()).toMatchObject({ workers: 3, coldStarts: 3, maxConcurrency: 3, active: 0, queued: 0 });
  });
});

describe('LambdaRunner errors', () => {
  it("returns Lambda's error document for a thrown error", async () => {
    // GIVEN a handler that throws a TypeError
    const fn = runner({ fixture: 'errors', handler: 'index.throws' });

    // WHEN it is invoked
    const result = await fn.invoke({});

    // THEN the result carries errorType, errorMessage and the stack as trace lines
    expect(result.status).toBe('error');
    if (result.status !== 'error') return;
    expect(result.error.errorType).toBe('TypeError');
    expect(result.error.errorMessage).toBe('the order has no customer');
    expect(result.error.trace[0]).toBe('TypeError: the order has no customer');
    expect(result.error.trace.some((line) => line.includes('errors/index.js'))).toBe(true);
    // AND the environment stays warm, as it does on Lambda
    expect(fn.stats().workers).toBe(1);
  });

  it('types a thrown non-error by its typeof', async () => {
    const fn = runner({ fixture: 'errors', handler: 'index.throwsString' });

    const result = await fn.invoke({});

    expect(result).toMatchObject({ status: 'error', error: { errorType: 'string', errorMessage: 'plain string', trace: [] } });
  });

  it('supports callback-style handlers', async () => {
    // GIVEN handlers that answer through the callback
    const ok = runner({ fixture: 'errors', handler: 'index.callbackOk', functionName: 'cb-ok' });
    const failing = runner({ fixture: 'errors', handler: 'index.callbackError', functionName: 'cb-err' });

    // WHEN they are invoked
    const [okResult, failingResult] = await Promise.all([ok.invoke({ n: 7 }), failing.invoke({})]);

    // THEN the callback's value or error is the result
    expect(payloadOf(okResult)).toEqual({ via: 'callback', input: 7 });
    expect(failingResult).toMatchObject({ status: 'error', error: { errorType: 'RangeError', errorMessage: 'callback failure' } });
  });

  it('fails the invocation and discards the environment when an error escapes the handler', async () => {
    // GIVEN a handler that throws from a timer
    const fn = runner({ fixture: 'errors', handler: 'index.crashLater', timeoutSeconds: 5 });

    // WHEN it is invoked
    const result = await fn.invoke({});

    // THEN the invocation fails with that error and the worker is gone
    expect(result).toMatchObject({ status: 'error', error: { errorType: 'Error', errorMessage: 'escaped the handler' } });
    await expect.poll(() => fn.stats().workers).toBe(0);
  });

  it('reports a missing export as Runtime.HandlerNotFound', async () => {
    const fn = runner({ fixture: 'errors', handler: 'index.missing' });

    const result = await fn.invoke({});

    expect(result).toMatchObject({
      status: 'error',
      error: { errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.missing is undefined or not exported' },
    });
  });

  it('fails if the asset directory has no file for the handler', () => {
    expect(() => runner({ fixture: 'env-echo', handler: 'main.handler', functionName: 'verifier' })).toThrow(
      new BundleNotFoundError(
        'verifier',
        fixtureDir('env-echo'),
        'main.handler',
        `asset directory ${fixtureDir('env-echo')} has no main.js, main.mjs, main.cjs for handler "main.handler"`,
      ),
    );
    expect(() => runner({ fixture: 'env-echo', handler: 'main.handler' })).toThrow(/run `npx cdk synth` again/);
  });

  it('fails if the asset directory does not exist', () => {
    expect(() => runner({ fixture: 'no-such-asset' })).toThrow(/asset directory .*no-such-asset does not exist: run `npx cdk synth` again/);
  });

  it('fails if invoked after shutdown', async () => {
    const fn = runner({ fixture: 'warm-state' });
    await fn.invoke({});

    await fn.shutdown();

    await expect(fn.invoke({})).rejects.toThrow(RunnerShutDownError);
    expect(fn.stats().workers).toBe(0);
  });
});

describe('LambdaRunner module formats and logs', () => {
  it('runs a handler in a subdirectory with a nested export path', async () => {
    const fn = runner({ fixture: 'nested', handler: 'src/handlers/api.routes.get' });

    const result = await fn.invoke({});

    expect(payloadOf(result)).toEqual({ nested: true });
  });

  it('loads an ES module handler (.mjs)', async () => {
    const fn = runner({ fixture: 'clock-esm' });

    const result = await fn.invoke({});

    expect(payloadOf(result).isDate).toBe(true);
  });

  it('loads a .js handler as an ES module when the task root package.json says so', async () => {
    const fn = runner({ fixture: 'esm-package' });

    const result = await fn.invoke({ a: 1 });

    expect(payloadOf(result)).toEqual({ format: 'module', echo: { a: 1 } });
  });

  it('forwards console and stdout lines to the sink, labelled with function and request', async () => {
    // GIVEN a handler that logs through console and process.stdout
    const logs = logCollector();
    const fn = runner({ fixture: 'errors', handler: 'index.logs', functionName: 'talker' }, { logSink: logs.sink });

    // WHEN it is invoked
    const result = await fn.invoke({});

    // THEN each line reaches the sink with its level, function name and request id
    await expect.poll(() => logs.entries.length).toBeGreaterThanOrEqual(3);
    const lines = logs.entries.map((entry) => ({ functionName: entry.functionName, requestId: entry.requestId, level: entry.level, message: entry.message }));
    expect(lines).toEqual(expect.arrayContaining([
      { functionName: 'talker', requestId: result.requestId, level: 'INFO', message: 'hello world' },
      { functionName: 'talker', requestId: result.requestId, level: 'ERROR', message: 'bad thing' },
      { functionName: 'talker', requestId: result.requestId, level: 'INFO', message: 'raw line' },
    ]));
  });
});

describe('LambdaRunner NOW_OVERRIDE', () => {
  it('shifts Date.now() and new Date() in the worker, not in the main thread', async () => {
    // GIVEN a runtime started with NOW_OVERRIDE = 2021-01-01T00:00:00Z
    const override = 1_609_459_200;
    const mainBefore = Date.now();
    const fn = runner({ fixture: 'clock-esm' }, { clockOffsetMs: clockOffsetFromNowOverride(override) });

    // WHEN the function reads the clock
    const clock = payloadOf(await fn.invoke({})) as { now: number; constructed: number; called: string; fromArgs: number; override: unknown };

    // THEN it reads the override plus the elapsed real time
    expect(clock.now).toBeGreaterThanOrEqual(override * 1000);
    expect(clock.now).toBeLessThan(override * 1000 + 10_000);
    expect(clock.constructed).toBeGreaterThanOrEqual(clock.now);
    expect(clock.constructed - clock.now).toBeLessThan(1_000);
    expect(new Date(clock.called).getUTCFullYear()).toBe(2021);
    // AND dates built from arguments, the function's environment and the main thread are untouched
    expect(clock.fromArgs).toBe(new Date(2020, 0, 1).getTime());
    expect(clock.override).toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(mainBefore);
    expect(new Date().getUTCFullYear()).toBeGreaterThan(2021);
  });

  it('advances the shifted clock in real time', async () => {
    // GIVEN a shifted clock anchored now
    const override = 1_609_459_200;
    const fn = runner({ fixture: 'clock-esm', reservedConcurrency: 1 }, { clockOffsetMs: clockOffsetFromNowOverride(override) });
    const first = payloadOf(await fn.invoke({})).now as number;

    // WHEN 300 ms pass
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = payloadOf(await fn.invoke({})).now as number;

    // THEN the function's clock moved by about as much
    expect(second - first).toBeGreaterThanOrEqual(290);
    expect(second - first).toBeLessThan(2_000);
  });
});

// Bootstrap of one local Lambda execution environment (a worker thread).
//
// Plain JavaScript on purpose: it runs in a bare worker thread, with no TypeScript loader, whatever
// started the runtime (the CLI, vitest, tsx). It mirrors what the AWS Lambda Node.js runtime does
// around user code: load the handler module once (cold start), then serve one invocation at a time
// with a Lambda-shaped context, reporting results and errors in Lambda's shapes.
// @see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client (UserFunction.js, Errors.js)
//
// Protocol (parentPort):
//   main → worker  { type: 'invoke', requestId, eventJson, deadlineMs } | { type: 'write-profile' }
//   worker → main  { type: 'ready' } | { type: 'init-error', error }
//                  { type: 'result', requestId, payloadJson } | { type: 'error', requestId, error }
//                  { type: 'log', level, message } | { type: 'fatal', error }
//                  { type: 'profile-written', file } | { type: 'profile-error', message }
import Module, { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, types } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ file: string, format: 'commonjs' | 'module', exportPath: string[], taskRoot: string,
 *   functionName: string, functionVersion: string, invokedFunctionArn: string, memoryLimitInMB: string,
 *   logGroupName: string, logStreamName: string, clockOffsetMs: number, handlerString: string,
 *   cpuProfile?: { file: string, samplingIntervalUs: number } }} */
const config = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

// Real clock, saved before any patch: deadlines are in real epoch milliseconds.
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);

installClockShift(config.clockOffsetMs);
installConsole();
installCommonJsTaskRoot(config.taskRoot);
if ((process.env.NODE_OPTIONS ?? '').includes('--enable-source-maps')) process.setSourceMapsEnabled(true);

/** Current invocation, so crashes can be attributed to it. */
let current = /** @type {undefined | { requestId: string, settled: boolean }} */ (undefined);

process.on('uncaughtException', (error) => crash(error, toErrorPayload(error)));
process.on('unhandledRejection', (reason) => {
  // Node.js runtime: an unhandled rejection ends the environment with Runtime.UnhandledPromiseRejection.
  const inner = toErrorPayload(reason);
  crash(reason, {
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: `${inner.errorType}: ${inner.errorMessage}`,
    trace: inner.trace,
  });
});

const handler = await loadHandler();
if (handler) {
  // Started once init is over, so the profile holds invocations only; without the option the
  // inspector is never loaded.
  const profiler = config.cpuProfile ? await startCpuProfiler(config.cpuProfile) : undefined;
  port.on('message', (message) => {
    if (message && message.type === 'invoke') void invoke(handler, message);
    else if (message && message.type === 'write-profile') void writeCpuProfile(profiler);
  });
  port.postMessage({ type: 'ready' });
}

async function loadHandler() {
  let exportsObject;
  try {
    exportsObject = config.format === 'module'
      ? await import(pathToFileURL(config.file).href)
      : createRequire(config.file)(config.file);
  } catch (error) {
    const payload = toErrorPayload(error);
    const errorType = error instanceof SyntaxError ? 'Runtime.UserCodeSyntaxError' : 'Runtime.ImportModuleError';
    port.postMessage({ type: 'init-error', error: { ...payload, errorType, errorMessage: `${payload.errorType}: ${payload.errorMessage}` } });
    return undefined;
  }
  let target = exportsObject;
  for (const key of config.exportPath) target = target == null ? undefined : target[key];
  if (typeof target !== 'function') {
    const moduleName = path.basename(config.file).replace(/\.[cm]?js$/, '');
    const message = target === undefined
      ? `${moduleName}.${config.exportPath.join('.')} is undefined or not exported`
      : `${moduleName}.${config.exportPath.join('.')} is not a function`;
    port.postMessage({ type: 'init-error', error: { errorType: 'Runtime.HandlerNotFound', errorMessage: message, trace: [] } });
    return undefined;
  }
  return /** @type {Function} */ (target);
}

/**
 * @param {Function} fn
 * @param {{ requestId: string, eventJson: string, deadlineMs: number }} message
 */
async function invoke(fn, message) {
  const invocation = { requestId: message.requestId, settled: false };
  current = invocation;
  const settle = (/** @type {unknown} */ error, /** @type {unknown} */ result) => {
    if (invocation.settled) return;
    invocation.settled = true;
    if (error !== undefined && error !== null) {
      port.postMessage({ type: 'error', requestId: invocation.requestId, error: toErrorPayload(error) });
      return;
    }
    let payloadJson;
    try {
      payloadJson = result === undefined ? 'null' : JSON.stringify(result);
    } catch (serializationError) {
      const inner = toErrorPayload(serializationError);
      port.postMessage({ type: 'error', requestId: invocation.requestId, error: { ...inner, errorType: 'Runtime.SerializationError' } });
      return;
    }
    port.postMessage({ type: 'result', requestId: invocation.requestId, payloadJson: payloadJson ?? 'null' });
  };
  const callback = (/** @type {unknown} */ error, /** @type {unknown} */ result) => settle(error, result);
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: config.functionName,
    functionVersion: config.functionVersion,
    invokedFunctionArn: config.invokedFunctionArn,
    memoryLimitInMB: config.memoryLimitInMB,
    awsRequestId: message.requestId,
    logGroupName: config.logGroupName,
    logStreamName: config.logStreamName,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadlineMs - realNow()),
    done: callback,
    succeed: (/** @type {unknown} */ result) => settle(undefined, result),
    fail: (/** @type {unknown} */ error) => settle(error ?? new Error('handled'), undefined),
  };
  try {
    const returned = fn(JSON.parse(message.eventJson), context, callback);
    if (returned && typeof returned.then === 'function') {
      // Async handler: its promise decides, unless the callback already did.
      returned.then((result) => settle(undefined, result), (error) => settle(error ?? new Error('handled'), undefined));
    }
    // Otherwise a callback-style handler: wait for callback/done/succeed/fail (or the timeout).
  } catch (error) {
    settle(error ?? new Error('handled'), undefined);
  }
}

/**
 * Starts the V8 CPU profiler of this thread's isolate (an inspector session inside a worker
 * profiles that worker only). A failure is reported as a PLATFORM line; the function still runs.
 * @param {{ file: string, samplingIntervalUs: number }} options
 */
async function startCpuProfiler(options) {
  try {
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: options.samplingIntervalUs });
    await session.post('Profiler.start');
    return { session, file: options.file, stopped: false };
  } catch (error) {
    port.postMessage({ type: 'log', level: 'PLATFORM', message: `CPU profiler did not start: ${toErrorPayload(error).errorMessage}` });
    return undefined;
  }
}

/**
 * Stops the profiler and writes its profile (Chrome DevTools `.cpuprofile` JSON), once; answers
 * `profile-written` or `profile-error`.
 * @param {undefined | { session: import('node:inspector/promises').Session, file: string, stopped: boolean }} profiler
 */
async function writeCpuProfile(profiler) {
  if (!profiler || profiler.stopped) {
    port.postMessage({ type: 'profile-error', message: profiler ? 'the profile was already written' : 'the profiler did not start' });
    return;
  }
  profiler.stopped = true;
  try {
    const { profile } = await profiler.session.post('Profiler.stop');
    profiler.session.disconnect();
    writeFileSync(profiler.file, JSON.stringify(profile));
    port.postMessage({ type: 'profile-written', file: profiler.file });
  } catch (error) {
    port.postMessage({ type: 'profile-error', message: toErrorPayload(error).errorMessage });
  }
}

/** Reports an error that escaped the handler and ends this environment, as the runtime does. */
function crash(original, payload) {
  if (current && !current.settled) {
    current.settled = true;
    port.postMessage({ type: 'error', requestId: current.requestId, error: payload });
  }
  port.postMessage({ type: 'fatal', error: payload });
  void original;
  process.exit(1);
}

/**
 * Lambda's error document: errorType from the error's name, the stack split into lines; a thrown
 * non-error becomes `{ errorType: typeof value }`.
 * @returns {{ errorType: string, errorMessage: string, trace: string[] }}
 */
function toErrorPayload(error) {
  try {
    if (types.isNativeError(error) || (error && typeof error === 'object' && 'message' in error && 'name' in error)) {
      const e = /** @type {Error} */ (error);
      return {
        errorType: String(e.name),
        errorMessage: String(e.message),
        trace: typeof e.stack === 'string' ? e.stack.split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'error could not be formatted', trace: [] };
  }
}

/**
 * NOW_OVERRIDE: `new Date()`, `Date()` and `Date.now()` read the real clock plus the offset, so the
 * clock starts at the override and advances in real time. Dates built from arguments are unchanged.
 */
function installClockShift(offsetMs) {
  if (!offsetMs) return;
  const shiftedNow = () => realNow() + offsetMs;
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(shiftedNow()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [shiftedNow()] : args, new.target);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = shiftedNow;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' });
  globalThis.Date = /** @type {DateConstructor} */ (/** @type {unknown} */ (ShiftedDate));
}

/** `console.*` goes to the runtime as labelled log messages with Lambda's levels, never to raw stdout. */
function installConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      let message = format(...args);
      if (method === 'trace') message = `Trace: ${message}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`;
      port.postMessage({ type: 'log', level, message });
    };
  }
}

/**
 * On Lambda nothing lies above the task root, so a `.js` file with no package.json between it and
 * the task root is CommonJS. Locally the asset directory sits inside a `"type": "module"` project,
 * which would make Node load esbuild's CommonJS bundles as ES modules; compile such files as
 * CommonJS ourselves. Files governed by a package.json inside the task root (e.g. node_modules)
 * keep Node's own rules.
 */
function installCommonJsTaskRoot(taskRoot) {
  const extensions = /** @type {Record<string, Function>} */ (/** @type {any} */ (Module)._extensions);
  const original = extensions['.js'];
  const root = path.resolve(taskRoot);
  extensions['.js'] = function loadJs(module, filename) {
    if (isInside(filename, root) && !hasManifestWithin(path.dirname(filename), root)) {
      module._compile(readFileSync(filename, 'utf8'), filename);
      return;
    }
    original.call(this, module, filename);
  };
}

function isInside(file, root) {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function hasManifestWithin(dir, root) {
  let current = dir;
  for (;;) {
    if (existsSync(path.join(current, 'package.json'))) return true;
    if (current === root || path.dirname(current) === current) return false;
    current = path.dirname(current);
  }
}

/**
 * Base error of the local Lambda runtime: a problem with the runtime or with a function's
 * configuration, never an error thrown by the function's own code (those become
 * {@link LambdaErrorPayload} results, as on AWS).
 */
export class LocalLambdaError extends Error {
  public readonly functionName: string;

  public constructor(functionName: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalLambdaError';
    this.functionName = functionName;
  }
}

/** The asset directory or the handler's file is missing: the bundle has to be rebuilt. */
export class BundleNotFoundError extends LocalLambdaError {
  public readonly assetDir: string;
  public readonly handler: string;

  public constructor(functionName: string, assetDir: string, handler: string, problem: string) {
    super(functionName, `function ${functionName}: ${problem}: run \`npx cdk synth\` again to rebuild the bundle`);
    this.name = 'BundleNotFoundError';
    this.assetDir = assetDir;
    this.handler = handler;
  }
}

/** The handler string cannot name a module and an export (Lambda answers `Runtime.MalformedHandlerName`). */
export class InvalidHandlerError extends LocalLambdaError {
  public readonly handler: string;

  public constructor(functionName: string, handler: string, rule: string) {
    super(functionName, `function ${functionName}: handler "${handler}" ${rule}: set the function's Handler to "<file>.<export>", e.g. "index.handler"`);
    this.name = 'InvalidHandlerError';
    this.handler = handler;
  }
}

/** The CPU profile directory (`cpuProfileDir`) cannot be created or written. */
export class CpuProfileDirError extends LocalLambdaError {
  public readonly dir: string;

  public constructor(functionName: string, dir: string, reason: string, options?: ErrorOptions) {
    super(functionName, `function ${functionName}: cannot write CPU profiles to ${dir} (${reason}): pass a writable directory as cpuProfileDir`, options);
    this.name = 'CpuProfileDirError';
    this.dir = dir;
  }
}

/** `invoke()` was called after `shutdown()`. */
export class RunnerShutDownError extends LocalLambdaError {
  public constructor(functionName: string) {
    super(functionName, `function ${functionName}: the runner has been shut down`);
    this.name = 'RunnerShutDownError';
  }
}

/** `NOW_OVERRIDE` is not a number of unix seconds. */
export class InvalidNowOverrideError extends Error {
  public readonly value: unknown;

  public constructor(value: unknown) {
    super(`NOW_OVERRIDE must be unix seconds (given ${String(value)}): e.g. NOW_OVERRIDE=1764100800`);
    this.name = 'InvalidNowOverrideError';
    this.value = value;
  }
}

/**
 * Errors of the local runtime. Every message is one line the CLI prints as is: the problem, then
 * the fix.
 */

/** Base class of every error raised while starting or running the local runtime. */
export class LocalRuntimeError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalRuntimeError';
  }
}

/** A port the runtime must listen on is taken. */
export class PortInUseError extends LocalRuntimeError {
  public readonly port: number;
  /** The setting that chooses the port, e.g. `PORT` or `EDGE_PORT`. */
  public readonly setting: string;

  public constructor(what: string, host: string, port: number, setting: string, options?: ErrorOptions) {
    super(`port ${port} on ${host} (${what}) is already in use: stop the process using it, or set ${setting} to a free port (${setting}=0 picks one)`, options);
    this.name = 'PortInUseError';
    this.port = port;
    this.setting = setting;
  }
}

/** `cdk synth` failed or cannot run. */
export class SynthesisError extends LocalRuntimeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SynthesisError';
  }
}

/** A function's code bundle is missing from the cloud assembly. */
export class MissingBundleError extends LocalRuntimeError {
  public readonly functionName: string;

  public constructor(functionName: string, detail: string, options?: ErrorOptions) {
    super(`function ${functionName}: code bundle missing (${detail}); run \`npx cdk synth\` so cdk.out holds the bundled asset, then start again`, options);
    this.name = 'MissingBundleError';
    this.functionName = functionName;
  }
}

/** A resource of the stack could not be created locally. */
export class ResourceSetupError extends LocalRuntimeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ResourceSetupError';
  }
}

/** A function behind an HTTP route failed (threw, timed out, crashed): the gateway answers 500. */
export class FunctionInvocationError extends LocalRuntimeError {
  public readonly functionName: string;
  public readonly errorType: string;

  public constructor(functionName: string, errorType: string, errorMessage: string) {
    super(`function ${functionName} failed: ${errorType}: ${errorMessage}`);
    this.name = 'FunctionInvocationError';
    this.functionName = functionName;
    this.errorType = errorType;
  }
}

/** A `POST /_local/faults` request the runtime cannot apply. */
export class InvalidFaultRequestError extends LocalRuntimeError {
  public constructor(message: string) {
    super(message);
    this.name = 'InvalidFaultRequestError';
  }
}

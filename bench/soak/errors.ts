/** The runtime child process did not become ready. */
export class RuntimeStartError extends Error {
  public constructor(message: string, public readonly lastLines: string) {
    super(`${message}; last lines:\n${lastLines}`);
    this.name = 'RuntimeStartError';
  }
}

/** `cdk synth` of a bench app failed or timed out. */
export class SynthError extends Error {
  public constructor(message: string, public readonly output: string) {
    super(`${message}:\n${output.slice(-3000)}`);
    this.name = 'SynthError';
  }
}

/** A bounded wait ran out. */
export class WaitTimeoutError extends Error {
  public constructor(what: string, timeoutMs: number, lastSeen: string) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${lastSeen}`);
    this.name = 'WaitTimeoutError';
  }
}

/** A command-line flag of the soak run is wrong. */
export class SoakUsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SoakUsageError';
  }
}

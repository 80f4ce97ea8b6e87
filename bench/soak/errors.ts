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

/**
 * Thrown by a hookbridge construct whose props break one or more rules.
 *
 * The message lists every violation on its own line, each naming the prop and the value given,
 * e.g. `batchSize must be between 1 and 10000 (given 20000)`.
 */
export class InvalidPropsError extends Error {
  /** The construct path the props were given to. */
  public readonly constructPath: string;
  /** Every violation, one sentence each. */
  public readonly violations: readonly string[];

  public constructor(constructPath: string, violations: readonly string[]) {
    super(`Invalid props for ${constructPath}:\n- ${violations.join('\n- ')}`);
    this.name = 'InvalidPropsError';
    this.constructPath = constructPath;
    this.violations = violations;
  }
}

/**
 * Thrown at synth when esbuild cannot bundle a handler entry, or is not installed.
 *
 * The message is one line: the entry, esbuild's first error with its location, and the fix.
 */
export class HandlerBundlingError extends Error {
  /** The entry file that did not bundle. */
  public readonly entry: string;

  public constructor(entry: string, problem: string, options?: { cause?: unknown }) {
    super(`cannot bundle ${entry}: ${problem}`, options);
    this.name = 'HandlerBundlingError';
    this.entry = entry;
  }
}

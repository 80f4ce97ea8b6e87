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

/** Base error of the bench harness: the harness itself is broken, which must fail CI. */
export class BenchError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BenchError';
  }
}

/** A candidate did not do what it is measured doing (e.g. a verifier rejected a valid payload). */
export class CandidateCheckError extends BenchError {
  public readonly candidate: string;

  public constructor(candidate: string, message: string, options?: ErrorOptions) {
    super(`${candidate}: ${message}`, options);
    this.name = 'CandidateCheckError';
    this.candidate = candidate;
  }
}

/** Options of {@link eventually}. */
export interface EventuallyOptions {
  /** What is awaited, for the failure message. */
  readonly what: string;
  /** @default 30000 */
  readonly timeoutMs?: number;
  /** @default 250 */
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value that `done` accepts, or fails after a deadline with the
 * last value seen: every wait in the e2e suite is bounded.
 */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, options: EventuallyOptions): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError !== undefined ? `error ${(lastError as Error).message}` : JSON.stringify(last)?.slice(0, 600);
      throw new Error(`timed out after ${options.timeoutMs ?? 30_000} ms waiting for ${options.what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

/** Waits `ms` (to show that nothing more happens within a window). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

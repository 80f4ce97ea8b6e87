/** A promise the test resolves when it chooses, plus a signal that the code under test reached it. */
export interface Latch {
  /** Resolves once `wait` has been called (the held code is parked on the latch). */
  readonly reached: Promise<void>;
  /** What the held code awaits. */
  readonly wait: () => Promise<void>;
  /** Lets the held code go on. */
  readonly release: () => void;
}

export const createLatch = (): Latch => {
  let release!: () => void;
  let markReached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (markReached = resolve));
  return {
    reached,
    wait: () => {
      markReached();
      return gate;
    },
    release,
  };
};

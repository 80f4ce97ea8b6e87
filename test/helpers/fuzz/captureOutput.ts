/** What {@link captureOutput} collected. */
export interface Captured<T> {
  readonly result: T;
  /** Every line written to stdout or stderr while `run` was pending. */
  readonly lines: readonly string[];
}

type Write = typeof process.stdout.write;

/**
 * Runs `run` while intercepting `process.stdout.write` and `process.stderr.write`, and returns
 * what was written, line by line. Powertools Logger prints through a `Console` bound to
 * `process.stdout`/`process.stderr`, which calls the streams' `write` at each log call, so every
 * log line the handler emits is seen here and none reaches the terminal. Calls must not overlap
 * (the fuzz properties run one case at a time).
 */
export async function captureOutput<T>(run: () => Promise<T>): Promise<Captured<T>> {
  const chunks: string[] = [];
  const originals: [NodeJS.WriteStream, Write][] = [
    [process.stdout, process.stdout.write],
    [process.stderr, process.stderr.write],
  ];
  for (const [stream] of originals) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    }) as Write;
  }
  try {
    const result = await run();
    return { result, lines: chunks.join('').split('\n').filter((line) => line.length > 0) };
  } finally {
    for (const [stream, write] of originals) stream.write = write;
  }
}

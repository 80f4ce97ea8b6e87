/**
 * Waits until every promise has settled or `graceMs` has passed, whichever comes first; never
 * rejects. What a bounded shutdown waits on: in-flight invocations it lets finish but does not
 * wait for forever.
 */
export async function settleWithin(promises: Iterable<Promise<unknown>>, graceMs: number): Promise<void> {
  const pending = [...promises];
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(pending),
    new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Wake-ups for long polls and in-process pollers. `notify(queue)` wakes every waiter of the queue
 * (a message was sent, made visible again, or moved in); `wait` also wakes itself at a given
 * time (the next delayed or in-flight message becoming visible) and when its signal aborts.
 */
export class MessageWaiters {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Wakes every waiter of `queue`. */
  public notify(queue: string): void {
    const set = this.waiters.get(queue);
    if (!set) return;
    this.waiters.delete(queue);
    for (const wake of set) wake();
  }

  /** Wakes every waiter of every queue (used on close). */
  public notifyAll(): void {
    for (const queue of [...this.waiters.keys()]) this.notify(queue);
  }

  /**
   * Resolves when `queue` is notified, after `timeoutMs` of real time, or when `signal` aborts,
   * whichever is first. Never rejects.
   */
  public wait(queue: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      let set = this.waiters.get(queue);
      if (!set) {
        set = new Set();
        this.waiters.set(queue, set);
      }
      const waiterSet = set;
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiterSet.delete(done);
        resolve();
      };
      // setTimeout overflows above 2^31 - 1 ms and would fire at once.
      const timer = setTimeout(done, Math.min(Math.max(0, timeoutMs), 2 ** 31 - 1));
      signal?.addEventListener('abort', done, { once: true });
      waiterSet.add(done);
    });
  }
}

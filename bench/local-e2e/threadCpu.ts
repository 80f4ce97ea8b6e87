import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds of one process's threads, split the way the local runtime's time is spent. */
export interface ThreadCpu {
  /** The main thread: gateway, edge, services, dynalite, pollers, log output. */
  readonly main: number;
  /** Threads that existed when the runtime was ready, besides main: V8 (GC, compiler) and libuv. */
  readonly runtime: number;
  /** Threads created later: the Lambda functions' execution environments (worker threads). */
  readonly functions: number;
}

/** Per-thread CPU times of a process, from `/proc` (Linux only). */
export class ThreadCpuMeter {
  readonly #pid: number;
  readonly #startupThreads: ReadonlySet<number>;

  private constructor(pid: number, startupThreads: ReadonlySet<number>) {
    this.#pid = pid;
    this.#startupThreads = startupThreads;
  }

  /**
   * Records which threads the process has now (call it when the runtime is ready, before any
   * function has run). Undefined where `/proc/<pid>/task` cannot be read (not Linux).
   */
  public static attach(pid: number): ThreadCpuMeter | undefined {
    const times = readThreadTimes(pid);
    return times ? new ThreadCpuMeter(pid, new Set(times.keys())) : undefined;
  }

  /** CPU seconds used so far by each group (threads that have exited are not counted). */
  public sample(): ThreadCpu | undefined {
    const times = readThreadTimes(this.#pid);
    if (!times) return undefined;
    let main = 0;
    let runtime = 0;
    let functions = 0;
    for (const [tid, seconds] of times) {
      if (tid === this.#pid) main += seconds;
      else if (this.#startupThreads.has(tid)) runtime += seconds;
      else functions += seconds;
    }
    return { main, runtime, functions };
  }
}

/** Difference of two samples, per group (a thread that exited in between makes a group smaller). */
export function cpuBetween(before: ThreadCpu, after: ThreadCpu): ThreadCpu {
  return { main: after.main - before.main, runtime: after.runtime - before.runtime, functions: after.functions - before.functions };
}

/** utime + stime of every thread, in seconds (clock ticks are 1/100 s on Linux). */
function readThreadTimes(pid: number): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const times = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread exited between readdir and read.
    }
  }
  return times;
}

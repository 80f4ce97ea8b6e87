import type { LocalSettings } from '../cli/settings.js';
import type { LambdaLogSink } from '../lambda/index.js';
import type { OutputsFile } from '../template/index.js';

export type { LocalSettings };

/** Where the runtime writes its own lines (URLs, the inventory, the ready line). */
export interface RuntimeIo {
  log(line: string): void;
}

/** Options beyond the settings, for tests and embedding. */
export interface LocalRuntimeOptions {
  /** Where the functions' output goes. @default - labelled lines on stderr */
  readonly logSink?: LambdaLogSink;
  /** Where problems outside functions (poller receive/delete failures, gateway 5xx reasons) go. @default - io.log */
  readonly onError?: (line: string) => void;
}

/** What the ready line carries, as JSON after `HOOKBRIDGE_READY `. */
export interface ReadyInfo {
  readonly port: number;
  readonly edgePort: number;
  readonly outputsFile: string;
  readonly localFile: string;
}

/** A running local runtime. */
export interface LocalRuntime {
  /** The webhook gateway's base URL, e.g. `http://127.0.0.1:3000`. */
  readonly webhookBaseUrl: string;
  /** The AWS edge's URL, e.g. `http://127.0.0.1:4566`. */
  readonly edgeUrl: string;
  readonly port: number;
  readonly edgePort: number;
  readonly stackName: string;
  /** The stack outputs, local values, as written to the outputs file. */
  readonly outputs: OutputsFile;
  /** Milliseconds from the call to `startLocalRuntime` until ready (synthesis included). */
  readonly startupMs: number;
  /** Stops the gateway, pollers (in-flight batches finish, bounded), functions, edge, dynalite and journal, in that order. Idempotent. */
  close(): Promise<void>;
}

/** Per-consumer counters of `GET /_local/state`. */
export interface ConsumerState {
  readonly functionName: string;
  readonly queue: string;
  readonly processed: number;
  readonly failed: number;
  readonly invocations: number;
  readonly failedInvocations: number;
  readonly inFlight: number;
}

/** Per-queue counters and depths of `GET /_local/state`. */
export interface QueueState {
  readonly url: string;
  readonly arn: string;
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
  readonly sent: number;
  readonly received: number;
  readonly deleted: number;
  readonly movedToDeadLetterQueue: number;
  readonly expired: number;
  readonly purged: number;
  /** The queue's dead-letter queue name, when it has one. */
  readonly deadLetterQueue?: string;
}

/** Per-source counters of `GET /_local/state` (from the verifier's answers). */
export interface SourceState {
  readonly accepted: number;
  readonly rejected: number;
}

/** The body of `GET /_local/state`. */
export interface InspectionState {
  readonly stackName: string;
  readonly startedAt: string;
  readonly consumers: Readonly<Record<string, ConsumerState>>;
  readonly queues: Readonly<Record<string, QueueState>>;
  readonly sources: Readonly<Record<string, SourceState>>;
  readonly functions: Readonly<Record<string, { readonly invocations: number; readonly errors: number; readonly timeouts: number; readonly active: number }>>;
  readonly events: Readonly<Record<string, number>>;
  readonly faults: Readonly<Record<string, unknown>>;
}

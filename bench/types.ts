/** `--quick` (CI: the harness must run, under a minute) or the full run (for people). */
export type BenchMode = 'quick' | 'full';

/** A target a figure is held to; `met` is computed from it. */
export interface Target {
  /** How the target reads in the table, e.g. `≤ 1.2× floor`. */
  readonly text: string;
  /** Largest acceptable ratio (inclusive) ... */
  readonly maxRatio?: number;
  /** ... or smallest acceptable ratio (inclusive). */
  readonly minRatio?: number;
}

/** The figure a ratio is taken against, measured in the same run. */
export interface Baseline {
  readonly name: string;
  readonly value: number;
}

/** One measured figure, always reported as a ratio against a baseline from the same run. */
export interface Figure {
  /** Stable machine key, e.g. `verifier.github.2KiB.hookbridge`. */
  readonly id: string;
  /** Row label in the table. */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: Baseline;
  /** `value / baseline.value`. */
  readonly ratio: number;
  /** `null`: informational, no target. */
  readonly target: Target | null;
  /** `null` when there is no target. */
  readonly met: boolean | null;
  /** Relative spread of the measurement (interquartile range / median), when measured in rounds. */
  readonly spread?: number;
  /** Free-form remark printed beside the row (e.g. "does not parse"). */
  readonly note?: string;
}

/** One section of the report. */
export interface SectionResult {
  readonly name: string;
  /** Set when the section did not run; no figures then (never fake numbers). */
  readonly skipped?: string;
  /** Method and caveats, printed under the table. */
  readonly notes: readonly string[];
  readonly figures: readonly Figure[];
  readonly seconds: number;
}

/** Settings of one run. */
export interface BenchSettings {
  readonly mode: BenchMode;
  /** Measurement rounds per candidate (interleaved across candidates). */
  readonly rounds: number;
  /** Target wall time of one round of one candidate, ms. */
  readonly roundMs: number;
  /** Warm-up wall time per candidate before the rounds, ms. */
  readonly warmupMs: number;
  /** Fresh processes per bundle for cold init. */
  readonly coldRuns: number;
  /** Seconds per journal variant. */
  readonly journalSeconds: number;
}

/** A section of the harness. */
export type Section = (settings: BenchSettings) => Promise<SectionResult>;

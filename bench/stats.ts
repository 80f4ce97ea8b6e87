/** Summary of repeated measurements of one quantity. */
export interface Summary {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  /** Interquartile range relative to the median (0.05 = 5 %). */
  readonly spread: number;
  readonly samples: number;
}

/** Quantile by linear interpolation between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no samples');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** Median, quartiles and relative spread of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    median,
    q1,
    q3,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    spread: median > 0 ? (q3 - q1) / median : 0,
    samples: sorted.length,
  };
}

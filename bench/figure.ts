import type { Baseline, Figure, Target } from './types.js';

/** Fields of a figure before its ratio and verdict are derived. */
export interface FigureInput {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: Baseline;
  readonly target?: Target | null;
  readonly spread?: number;
  readonly note?: string;
}

/** Builds a {@link Figure}: the ratio against its baseline and whether it meets its target. */
export function figure(input: FigureInput): Figure {
  const ratio = input.value / input.baseline.value;
  const target = input.target ?? null;
  let met: boolean | null = null;
  if (target) {
    met = (target.maxRatio === undefined || ratio <= target.maxRatio) && (target.minRatio === undefined || ratio >= target.minRatio);
  }
  return { ...input, ratio, target, met };
}

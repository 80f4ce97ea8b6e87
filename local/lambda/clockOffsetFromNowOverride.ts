import { InvalidNowOverrideError } from './errors.js';

/**
 * Milliseconds to add to the real clock so that the functions' clock reads `nowOverrideSeconds`
 * at `anchorMs` (the moment the runtime started) and advances in real time from there.
 *
 * Compute it once per runtime and pass the same offset to every {@link LambdaRunner}, so all
 * functions — and workers recycled later — share one shifted clock. The function code never sees
 * the override: the worker bootstrap patches `Date` before the handler module loads.
 *
 * @param nowOverrideSeconds `NOW_OVERRIDE`, unix seconds
 * @param anchorMs real epoch milliseconds at which the shifted clock reads `nowOverrideSeconds`
 * @throws InvalidNowOverrideError when the value is not a finite number
 */
export function clockOffsetFromNowOverride(nowOverrideSeconds: number, anchorMs: number = Date.now()): number {
  if (!Number.isFinite(nowOverrideSeconds)) {
    throw new InvalidNowOverrideError(nowOverrideSeconds);
  }
  return Math.round(nowOverrideSeconds * 1000) - anchorMs;
}

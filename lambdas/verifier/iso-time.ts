/** Largest distance from the epoch a `Date` holds, in ms (ECMA-262 TimeClip). */
const MAX_TIME = 8.64e15;

let cachedSecond = Number.NaN;
let cachedPrefix = '';

/**
 * `new Date(ms).toISOString()`, formatting the date only once per second: every request a busy
 * verifier answers within the same second shares `YYYY-MM-DDTHH:mm:ss.` and differs in the
 * milliseconds only. An invalid time throws `RangeError` as `toISOString` does.
 */
export function isoTime(ms: number): string {
  const time = Math.trunc(ms);
  if (!(Math.abs(time) <= MAX_TIME)) return new Date(ms).toISOString();
  const second = Math.floor(time / 1000);
  if (second !== cachedSecond) {
    // Drop "sssZ"; the prefix ends with the dot.
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, -4);
    cachedSecond = second;
  }
  const milli = time - second * 1000;
  return `${cachedPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

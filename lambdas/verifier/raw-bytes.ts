import type { RawBytes } from './types.js';

/*
 * Reading a `RawBytes` without copying it: a text body stays the string API Gateway delivered,
 * and is only encoded when a `Buffer` is really needed (binary `data_base64`, never on the hot
 * path). Every helper gives the same answer for a string as for `Buffer.from(string, 'utf8')`,
 * given the invariant that the verifier's strings are well formed: the event body is made so once,
 * where it enters (`http.ts`), because checking a non-Latin-1 string costs a scan of it.
 */

/** String methods of ES2024, present since Node.js 20 (V8 11.3), not in the project's ES2022 lib. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/**
 * `text` with every lone surrogate replaced by U+FFFD, exactly what a UTF-8 round trip
 * (`Buffer.from(text).toString()`) yields. The same string when already well formed, which V8
 * answers without scanning for strings that hold only Latin-1 characters.
 */
export function wellFormed(text: string): string {
  const s = text as unknown as WellFormedString;
  return s.isWellFormed() ? text : s.toWellFormed();
}

/** The bytes decoded as UTF-8 text; a (well-formed) string is already that text. */
export function textOf(bytes: RawBytes): string {
  return typeof bytes === 'string' ? bytes : bytes.toString('utf8');
}

/** Number of bytes. */
export function byteLengthOf(bytes: RawBytes): number {
  return typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.length;
}

/** The bytes as a `Buffer` (a copy only when they are a string). */
export function bufferOf(bytes: RawBytes): Buffer {
  return typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
}

/**
 * Text parts up to this many characters in all are joined for a one-shot digest (`crypto.hash`),
 * which saves creating a `Hash` object; longer ones are fed to a `Hash` part by part.
 */
const JOIN_LIMIT = 16 * 1024;

/** `parts` as one string when they are all text and short enough to join cheaply, else `undefined`. */
export function joinedText(parts: readonly RawBytes[]): string | undefined {
  let text = '';
  for (const part of parts) {
    if (typeof part !== 'string') return undefined;
    // `+` makes a rope that crypto.hash reads in place; join() would copy the body into a new string.
    text += part;
    if (text.length > JOIN_LIMIT) return undefined;
  }
  return text;
}

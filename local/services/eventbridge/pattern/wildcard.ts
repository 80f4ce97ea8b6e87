import { InvalidEventPatternError } from './errors.js';

/**
 * Compiles a `wildcard` value: `*` matches any run of characters (also none); `\*` is a literal
 * asterisk and `\\` a literal backslash; any other escape, a trailing backslash, or two
 * consecutive unescaped `*` is rejected, as event-ruler does.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-wildcard-matching
 * @see https://github.com/aws/event-ruler#wildcard-matching
 */
export function compileWildcard(spec: unknown): (value: string) => boolean {
  if (typeof spec !== 'string') {
    throw new InvalidEventPatternError('wildcard match pattern must be a string');
  }
  let source = '';
  let previousWasWildcard = false;
  for (let pos = 0; pos < spec.length; pos++) {
    const char = spec[pos] as string;
    if (char === '\\') {
      const next = spec[pos + 1];
      if (next !== '*' && next !== '\\') {
        throw new InvalidEventPatternError(`Invalid escape character at pos ${pos}`);
      }
      source += escapeRegExp(next);
      pos++;
      previousWasWildcard = false;
    } else if (char === '*') {
      if (previousWasWildcard) {
        throw new InvalidEventPatternError(`Consecutive wildcard characters at pos ${pos}`);
      }
      source += '[\\s\\S]*';
      previousWasWildcard = true;
    } else {
      source += escapeRegExp(char);
      previousWasWildcard = false;
    }
  }
  const regex = new RegExp(`^${source}$`, 'u');
  return (value) => regex.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

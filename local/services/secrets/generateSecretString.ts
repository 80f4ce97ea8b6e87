import { randomInt } from 'node:crypto';
import { DEFAULT_PASSWORD_LENGTH, PASSWORD_PUNCTUATION } from './constants.js';
import { InvalidParameterError } from './errors.js';
import type { GenerateSecretStringOptions } from './types.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/**
 * A random password as GetRandomPassword makes it: `PasswordLength` characters (default 32) from
 * the included classes, at least one of each included class unless `RequireEachIncludedType` is
 * false, none of `ExcludeCharacters`. Uses `crypto.randomInt`.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html
 * @throws InvalidParameterError if the length is outside 1..4096 or no character is left to use
 */
export const generatePassword = (options: GenerateSecretStringOptions = {}): string => {
  const length = options.PasswordLength ?? DEFAULT_PASSWORD_LENGTH;
  if (!Number.isInteger(length) || length < 1 || length > 4096) {
    throw new InvalidParameterError(`PasswordLength must be between 1 and 4096 (given ${length})`);
  }
  const excluded = new Set(options.ExcludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((c) => !excluded.has(c)).join('');
  const classes = [
    options.ExcludeLowercase ? '' : keep(LOWER),
    options.ExcludeUppercase ? '' : keep(UPPER),
    options.ExcludeNumbers ? '' : keep(DIGITS),
    options.ExcludePunctuation ? '' : keep(PASSWORD_PUNCTUATION),
    options.IncludeSpace ? keep(' ') : '',
  ].filter((chars) => chars.length > 0);
  const all = classes.join('');
  if (all.length === 0) throw new InvalidParameterError('every character class is excluded; nothing is left to generate from');
  const pick = (chars: string): string => chars[randomInt(chars.length)] as string;
  const required = (options.RequireEachIncludedType ?? true) ? classes.map(pick) : [];
  if (required.length > length) {
    throw new InvalidParameterError(`PasswordLength ${length} is shorter than the ${required.length} required character types`);
  }
  const chars = [...required, ...Array.from({ length: length - required.length }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
};

/**
 * The SecretString CloudFormation's GenerateSecretString produces: the password alone, or the
 * `SecretStringTemplate` JSON object with the password added under `GenerateStringKey`.
 *
 * @throws InvalidParameterError if only one of SecretStringTemplate / GenerateStringKey is given,
 *   or the template is not a JSON object
 */
export const generateSecretString = (options: GenerateSecretStringOptions = {}): string => {
  const password = generatePassword(options);
  const { SecretStringTemplate: template, GenerateStringKey: key } = options;
  if (template === undefined && key === undefined) return password;
  if (template === undefined || key === undefined) {
    throw new InvalidParameterError('SecretStringTemplate and GenerateStringKey must be given together');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidParameterError('SecretStringTemplate must be a JSON object');
  }
  return JSON.stringify({ ...(parsed as Record<string, unknown>), [key]: password });
};

import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { describe, expect, it } from 'vitest';
import { CachedSecretSource, parseSecretValue } from '../../../lambdas/verifier/secrets.js';

describe('parseSecretValue', () => {
  it('reads a plain string as one secret', () => {
    expect(parseSecretValue('s3cr3t')).toEqual(['s3cr3t']);
  });

  it('reads a JSON array as the active secrets, in order', () => {
    expect(parseSecretValue('["new", "old"]')).toEqual(['new', 'old']);
  });

  it('keeps a value that merely parses as JSON as one secret', () => {
    expect(parseSecretValue('12345')).toEqual(['12345']);
    expect(parseSecretValue('"quoted"')).toEqual(['"quoted"']);
  });

  it('keeps a value starting with [ that is not JSON as one secret', () => {
    expect(parseSecretValue('[not-json')).toEqual(['[not-json']);
  });

  it('fails if the array is empty', () => {
    expect(() => parseSecretValue('[]')).toThrow('the source secret array must hold only non-empty strings');
  });

  it('fails if the array holds something other than non-empty strings', () => {
    expect(() => parseSecretValue('["ok", 1]')).toThrow('the source secret array must hold only non-empty strings');
    expect(() => parseSecretValue('["ok", ""]')).toThrow(expect.objectContaining({ code: 'secret_unavailable' }));
  });

  it('fails if the value is empty', () => {
    expect(() => parseSecretValue('')).toThrow('the source secret is empty');
  });
});

describe('CachedSecretSource', () => {
  it('returns the same array while the stored value is unchanged, so derived keys can be kept', async () => {
    // GIVEN a provider whose value changes between the second and third read
    const stored = ['["new","old"]', '["new","old"]', 'rotated'];
    const provider = { get: async () => stored.shift() } as unknown as SecretsProvider;
    const source = new CachedSecretSource(provider, 'id', 0);
    // WHEN
    const [first, second, third] = [await source.values(), await source.values(), await source.values()];
    // THEN
    expect(first).toEqual(['new', 'old']);
    expect(second).toBe(first);
    expect(third).toEqual(['rotated']);
  });
});

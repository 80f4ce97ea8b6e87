import { describe, expect, it } from 'vitest';
import { parseSecretValue } from '../../../lambdas/verifier/secrets.js';

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

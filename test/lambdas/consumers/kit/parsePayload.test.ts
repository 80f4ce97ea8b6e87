import { describe, expect, it } from 'vitest';
import { parsePayload, PayloadParseError } from '../../../../lambdas/consumers/kit/index.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parsePayload', () => {
  it('parses JSON, ignoring media type parameters and accepting +json types', () => {
    expect(parsePayload(bytes('{"a":1}'), 'application/json; charset=utf-8')).toEqual({ data: { a: 1 } });
    expect(parsePayload(bytes('[1]'), 'application/cloudevents+json')).toEqual({ data: [1] });
  });

  it('parses a form into fields, keeping every value of a repeated field', () => {
    expect(parsePayload(bytes('a=1&b=x+y&a=2'), 'application/x-www-form-urlencoded')).toEqual({
      data: { a: ['1', '2'], b: 'x y' },
    });
  });

  it('carries other types as base64', () => {
    expect(parsePayload(bytes('<xml/>'), 'application/xml')).toEqual({ data_base64: bytes('<xml/>').toString('base64') });
    expect(parsePayload(bytes('raw'), undefined)).toEqual({ data_base64: 'cmF3' });
  });

  it('fails if a JSON payload does not parse', () => {
    expect(() => parsePayload(bytes('{nope'), 'application/json')).toThrow(
      new PayloadParseError('application/json', 'payload declared application/json is not valid JSON'),
    );
  });
});

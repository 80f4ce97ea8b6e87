import { describe, expect, it } from 'vitest';
import { isTextContentType, mapIntegrationResponse } from '../../../local/gateway/index.js';

describe('mapIntegrationResponse', () => {
  it.each([
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['undefined (null once it crossed the Lambda wire)', undefined, 'null'],
    ['an array', [1, 'a'], '[1,"a"]'],
  ])('infers 200 application/json for %s', (_name, result, body) => {
    // GIVEN a result without statusCode / WHEN it is mapped / THEN the JSON of it is the body
    expect(mapIntegrationResponse(result)).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) });
  });

  it('lowercases header names and merges a set-cookie header with cookies', () => {
    // GIVEN a response with a Set-Cookie header and cookies
    const mapped = mapIntegrationResponse({ statusCode: 200, headers: { 'Set-Cookie': 'a=1', 'X-Y': 'z' }, cookies: ['b=2'] });
    // WHEN / THEN both cookies are sent, names lowercased
    expect(mapped.headers).toEqual({ 'set-cookie': ['a=1', 'b=2'], 'x-y': 'z' });
  });
});

describe('isTextContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['text/plain', true],
    ['text/xml', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/x-www-form-urlencoded', false],
    ['application/octet-stream', false],
    ['application/cloudevents+json', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('treats %s as text: %s', (contentType, expected) => {
    // GIVEN / WHEN / THEN the split measured on a real HTTP API
    expect(isTextContentType(contentType)).toBe(expected);
  });
});

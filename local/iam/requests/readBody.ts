import { UnmappableRequestError } from '../errors.js';

/** A JSON-protocol request body as an object; an empty body is `{}`. */
export type JsonBody = Readonly<Record<string, unknown>>;

/**
 * Parses the body of an AWS JSON-protocol request for the mappers.
 *
 * @throws UnmappableRequestError if the body is not a JSON object
 */
export const readJsonBody = (body: Buffer | string): JsonBody => {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UnmappableRequestError('the request body is not valid JSON', { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UnmappableRequestError('the request body is not a JSON object');
  }
  return parsed as JsonBody;
};

/** A string field of a JSON body, or `undefined`. */
export const stringField = (body: JsonBody, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
};

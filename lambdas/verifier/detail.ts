import { FORM_CONTENT_TYPE, JSON_CONTENT_TYPE } from '../shared/payload.js';
import type { DataRef, EnvelopeHead } from './envelope.js';
import type { Payload } from './types.js';

/** The `datacontenttype` a payload travels under. */
export function contentTypeOf(payload: Payload): string {
  if (payload.kind === 'json') return JSON_CONTENT_TYPE;
  if (payload.kind === 'form') return FORM_CONTENT_TYPE;
  return payload.contentType;
}

/**
 * Serializes the envelope to the PutEvents `Detail` string.
 *
 * A JSON payload is spliced in as its original text rather than parsed and re-stringified: the
 * text has already been validated by `JSON.parse`, so it is one complete JSON value, and keeping
 * it verbatim preserves numbers JavaScript cannot represent (integer ids above 2^53).
 */
export function serializeDetail(head: EnvelopeHead, body: Payload | DataRef): string {
  if ('bucket' in body) return JSON.stringify({ ...head, dataref: body });
  if (body.kind === 'form') return JSON.stringify({ ...head, data: body.fields });
  if (body.kind === 'binary') return JSON.stringify({ ...head, data_base64: body.bytes.toString('base64') });
  const text = body.bytes.toString('utf8').trim();
  return `${JSON.stringify(head).slice(0, -1)},"data":${text}}`;
}

import { parseForm, type FormFields } from './form.js';

/** `datacontenttype` of a JSON payload in the envelope. */
export const JSON_CONTENT_TYPE = 'application/json';
/** `datacontenttype` of a form payload in the envelope. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Turns payload bytes back into what the envelope's `data` would have held, by the envelope's
 * `datacontenttype`: parsed JSON, form fields, or (any other type) the bytes themselves, which
 * inline envelopes carry as `data_base64`.
 *
 * The consumer kit calls this on claim-checked payloads fetched from S3 so a consumer sees the
 * same shape whether the payload travelled inline or by reference.
 */
export function decodePayload(bytes: Uint8Array, datacontenttype: string): unknown | FormFields | Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (datacontenttype === JSON_CONTENT_TYPE) return JSON.parse(buffer.toString('utf8')) as unknown;
  if (datacontenttype === FORM_CONTENT_TYPE) return parseForm(buffer.toString('utf8'));
  return buffer;
}

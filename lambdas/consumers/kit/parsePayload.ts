// The verifier builds `data` from a form body with this same function, so an inline and a
// claim-checked payload look alike to a consumer.
import { parseForm } from '../../shared/form.js';
import { FORM_CONTENT_TYPE } from '../../shared/payload.js';
import { PayloadParseError } from './errors.js';

/** A parsed payload: `data` for JSON and form bodies, `data_base64` for anything else. */
export type ParsedPayload =
  | { readonly data: unknown; readonly data_base64?: undefined }
  | { readonly data?: undefined; readonly data_base64: string };

const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** `application/json` and structured-syntax `+json` types (`application/cloudevents+json`). */
const isJson = (type: string): boolean => type === 'application/json' || type.endsWith('+json');

/**
 * Parses raw body bytes the way the verifier builds an envelope's payload, by `datacontenttype`:
 * JSON → the parsed value, `application/x-www-form-urlencoded` → an object of fields, anything
 * else → base64 in `data_base64`.
 * A field sent more than once becomes an array of its values, in order.
 */
export const parsePayload = (body: Uint8Array, contentType: string | undefined): ParsedPayload => {
  const type = mediaType(contentType);
  if (isJson(type)) {
    try {
      return { data: JSON.parse(Buffer.from(body).toString('utf8')) as unknown };
    } catch (error) {
      throw new PayloadParseError(type, `payload declared ${type} is not valid JSON`, { cause: error });
    }
  }
  if (type === FORM_CONTENT_TYPE) {
    return { data: parseForm(Buffer.from(body).toString('utf8')) };
  }
  return { data_base64: Buffer.from(body).toString('base64') };
};

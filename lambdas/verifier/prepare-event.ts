import { MAX_DETAIL_TYPE_LENGTH, MAX_ID_LENGTH } from './constants.js';
import { contentTypeOf } from './detail.js';
import { ENVELOPE_VERSION, type EnvelopeHead } from './envelope.js';
import { MalformedPayloadError } from './errors.js';
import { isoTime } from './iso-time.js';
import { outgoingEvent, type OutgoingEvent } from './outgoing-event.js';
import type { ReadRequest, VerifierContext } from './read-request.js';
import { sha256Hex } from './schemes/wire.js';
import type { HttpAnswer } from './types.js';

/** A verified delivery: an event to publish, or a handshake to answer instead (it carries no event). */
export type PreparedEvent =
  | (OutgoingEvent & { readonly kind: 'event'; /** Answer instead of `202 {"id"}` after publishing. */ readonly success?: HttpAnswer })
  | { readonly kind: 'handshake'; readonly type: string; readonly answer: HttpAnswer };

/**
 * Turns a verified request into the PutEvents entry that carries it, with the entry's size: the
 * scheme's `describe` (the contract's `400`s, the handshake), the envelope head, and the `Detail`
 * string with the payload text spliced in verbatim. Pure and synchronous; the handler publishes
 * what it returns, and the bench times `readRequest` + `verify` + this as "verify + parse +
 * envelope".
 *
 * A JSON body is parsed once (by the scheme) and never copied: its size is known from the
 * request, and the `Detail` string is the head followed by the body text.
 *
 * @throws MalformedPayloadError when the body, id or type is unusable
 */
export function prepareEvent(read: ReadRequest, secretIndex: number, nowMs: number, context: VerifierContext): PreparedEvent {
  const { config } = context;
  const { request } = read;
  const delivery = context.scheme.describe(request);
  if (delivery.handshake) return { kind: 'handshake', type: delivery.type, answer: delivery.handshake };
  // Without a vendor id, the body hash makes a redelivery of the same bytes the same event.
  const id = delivery.id?.trim() || sha256Hex(config.eventSource, request.body);
  if (id.length > MAX_ID_LENGTH) throw new MalformedPayloadError(`delivery id is longer than ${MAX_ID_LENGTH} characters`);
  const type = delivery.type.trim() || 'webhook';
  if (type.length > MAX_DETAIL_TYPE_LENGTH) throw new MalformedPayloadError(`event type is longer than ${MAX_DETAIL_TYPE_LENGTH} characters`);
  const { payload } = delivery;
  const head: EnvelopeHead = {
    specversion: '1.0',
    id,
    source: config.eventSource,
    type,
    time: isoTime(nowMs),
    datacontenttype: contentTypeOf(payload),
    envelopeversion: ENVELOPE_VERSION,
    correlationid: read.correlationId,
    verification: { scheme: config.scheme, secretIndex },
    vendorheaders: delivery.vendorHeaders,
  };
  // The body's size is known from the 413 check; an unwrapped payload (a form field) is counted.
  const { payloadBytes, entry, entrySize } = outgoingEvent(head, payload, new Date(nowMs), payload.bytes === request.body ? read.bodyBytes : undefined);
  return { kind: 'event', head, payload, payloadBytes, entry, entrySize, success: delivery.success };
}

import { FORM_CONTENT_TYPE, JSON_CONTENT_TYPE } from '../shared/payload.js';
import type { DataRef, EnvelopeHead } from './envelope.js';
import { bufferOf, byteLengthOf, textOf } from './raw-bytes.js';
import type { Payload } from './types.js';

/** A PutEvents `Detail` string and its size in UTF-8 bytes. */
export interface Detail {
  readonly text: string;
  readonly bytes: number;
}

/** The `datacontenttype` a payload travels under. */
export function contentTypeOf(payload: Payload): string {
  if (payload.kind === 'json') return JSON_CONTENT_TYPE;
  if (payload.kind === 'form') return FORM_CONTENT_TYPE;
  return payload.contentType;
}

/**
 * Serializes the envelope to the PutEvents `Detail` string, with its UTF-8 size.
 *
 * A JSON payload is spliced in as its original text rather than parsed and re-stringified: the
 * text has already been validated by `JSON.parse`, so it is one complete JSON value, and keeping
 * it verbatim preserves numbers JavaScript cannot represent (integer ids above 2^53). Its size is
 * counted from the parts, so a large payload is neither copied nor scanned again: `payloadBytes`
 * is the payload's byte length when the caller already knows it.
 */
export function serializeDetail(head: EnvelopeHead, body: Payload | DataRef, payloadBytes?: number): Detail {
  if ('bucket' in body) return measured(JSON.stringify({ ...head, dataref: body }));
  if (body.kind === 'form') return measured(JSON.stringify({ ...head, data: body.fields }));
  if (body.kind === 'binary') return measured(JSON.stringify({ ...head, data_base64: bufferOf(body.bytes).toString('base64') }));
  const raw = textOf(body.bytes);
  const text = raw.trim();
  const open = headJsonOpen(head);
  // What trim() removed is JSON whitespace (JSON.parse accepted the text): one byte per character.
  const dataBytes = (payloadBytes ?? byteLengthOf(body.bytes)) - (raw.length - text.length);
  return { text: `${open.text},"data":${text}}`, bytes: open.bytes + ',"data":'.length + dataBytes + 1 };
}

/** `JSON.stringify(head)`, property for property, with its UTF-8 size. */
export function headJson(head: EnvelopeHead): Detail {
  const open = headJsonOpen(head);
  return { text: `${open.text}}`, bytes: open.bytes + 1 };
}

/** Quoted forms of event types (with their UTF-8 size), which repeat from request to request. */
const quotedTypes = new Map<string, Measured>();

/** Bound on {@link quotedTypes}: event types are vendor-chosen, so the cache must not grow without end. */
const QUOTED_TYPES_SIZE = 256;

/** The last type quoted: most requests to a source carry the type the one before carried. */
let lastType: { readonly type: string; readonly quoted: Measured } | undefined;

/** `JSON.stringify(type)` and its size, remembered. */
function quoteType(type: string): Measured {
  if (lastType?.type === type) return lastType.quoted;
  let quoted = quotedTypes.get(type);
  if (quoted === undefined) {
    if (quotedTypes.size >= QUOTED_TYPES_SIZE) quotedTypes.clear();
    quoted = measured(JSON.stringify(type));
    quotedTypes.set(type, quoted);
  }
  lastType = { type, quoted };
  return quoted;
}

/** The JSON text between the per-request values of a head, for one source, scheme and content type. */
interface HeadSegments {
  readonly specversion: string;
  readonly source: string;
  readonly datacontenttype: string;
  readonly envelopeversion: string;
  readonly scheme: string;
  /** `{"specversion":…,"id":` */
  readonly beforeId: string;
  /** `,"source":…,"type":` */
  readonly beforeType: string;
  /** `,"datacontenttype":…,"envelopeversion":…,"correlationid":` */
  readonly beforeCorrelationId: string;
  /** `,"verification":{"scheme":…,"secretIndex":` */
  readonly beforeSecretIndex: string;
  /** UTF-8 size of the four segments, of `,"time":` and of `},"vendorheaders":`. */
  readonly bytes: number;
}

/** The segments of the last head serialized: a verifier serializes the heads of one source only. */
let segments: HeadSegments | undefined;

function segmentsOf(head: EnvelopeHead): HeadSegments {
  const { specversion, source, datacontenttype, envelopeversion } = head;
  const { scheme } = head.verification;
  const last = segments;
  if (
    last?.source === source &&
    last.datacontenttype === datacontenttype &&
    last.scheme === scheme &&
    last.specversion === specversion &&
    last.envelopeversion === envelopeversion
  ) {
    return last;
  }
  const q = JSON.stringify;
  const beforeId = `{"specversion":${q(specversion)},"id":`;
  const beforeType = `,"source":${q(source)},"type":`;
  const beforeCorrelationId = `,"datacontenttype":${q(datacontenttype)},"envelopeversion":${q(envelopeversion)},"correlationid":`;
  const beforeSecretIndex = `,"verification":{"scheme":${q(scheme)},"secretIndex":`;
  const bytes = Buffer.byteLength(beforeId + beforeType + ',"time":' + beforeCorrelationId + beforeSecretIndex + '},"vendorheaders":', 'utf8');
  segments = { specversion, source, datacontenttype, envelopeversion, scheme, beforeId, beforeType, beforeCorrelationId, beforeSecretIndex, bytes };
  return segments;
}

/**
 * `JSON.stringify(head)` without its closing brace, written out field by field from cached
 * segments, with its UTF-8 size: the per-source text is built and measured once, and only the
 * per-request values (id, type, time, correlation id, secret index, vendor headers) are quoted and
 * measured per request. That is half the cost of stringifying the object and counting the result,
 * which matters on a 2 KiB request; the open end lets the payload be appended without slicing.
 */
function headJsonOpen(head: EnvelopeHead): Measured {
  const s = segmentsOf(head);
  const q = JSON.stringify;
  const id = q(head.id);
  const type = quoteType(head.type);
  const time = q(head.time);
  const correlationId = q(head.correlationid);
  const secretIndex = q(head.verification.secretIndex);
  const vendorHeaders = q(head.vendorheaders);
  return {
    text: `${s.beforeId}${id}${s.beforeType}${type.text},"time":${time}${s.beforeCorrelationId}${correlationId}${s.beforeSecretIndex}${secretIndex}},"vendorheaders":${vendorHeaders}`,
    // One native call for the per-request values (copying them is cheaper than a call for each).
    bytes: s.bytes + type.bytes + secretIndex.length + Buffer.byteLength(id + time + correlationId + vendorHeaders, 'utf8'),
  };
}

/** A string with its UTF-8 size. */
interface Measured {
  readonly text: string;
  readonly bytes: number;
}

function measured(text: string): Measured {
  return { text, bytes: Buffer.byteLength(text, 'utf8') };
}

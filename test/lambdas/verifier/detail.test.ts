import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headJson, serializeDetail } from '../../../lambdas/verifier/detail.js';
import type { EnvelopeHead } from '../../../lambdas/verifier/envelope.js';
import { jsonPayload } from '../../../lambdas/verifier/schemes/wire.js';
import { STRIPE_INVOICE_HEAD } from '../../helpers/verifier/envelope-head.js';

const head: EnvelopeHead = STRIPE_INVOICE_HEAD;

/** Any string, including quotes, backslashes, control characters, astral characters and lone surrogates. */
const text = fc.string({ unit: 'binary', maxLength: 40 });

describe('headJson', () => {
  it('is JSON.stringify(head), with its UTF-8 size, for any head', () => {
    fc.assert(
      fc.property(text, text, text, text, fc.nat(9), fc.dictionary(text, text, { maxKeys: 4 }), (id, source, type, correlationid, secretIndex, vendorheaders) => {
        const h: EnvelopeHead = { ...head, id, source, type, correlationid, verification: { scheme: 'github', secretIndex }, vendorheaders };
        const json = headJson(h);
        expect(json.text).toBe(JSON.stringify(h));
        expect(json.bytes).toBe(Buffer.byteLength(json.text));
      }),
    );
  });
});

describe('serializeDetail', () => {
  it('splices the JSON payload in verbatim, keeping integers above 2^53', () => {
    const detail = serializeDetail(head, jsonPayload('{"id":9007199254740993}'));
    expect(detail.text).toBe(`${JSON.stringify(head).slice(0, -1)},"data":{"id":9007199254740993}}`);
  });

  it('counts the UTF-8 bytes of what it writes, for text and byte payloads with whitespace and multi-byte characters', () => {
    fc.assert(
      fc.property(fc.json(), fc.stringMatching(/^[ \t\r\n]{0,3}$/), fc.stringMatching(/^[ \t\r\n]{0,3}$/), fc.boolean(), (json, before, after, asBuffer) => {
        const body = `${before}${json}${after}`;
        const detail = serializeDetail(head, jsonPayload(asBuffer ? Buffer.from(body) : body));
        expect(detail.bytes).toBe(Buffer.byteLength(detail.text));
        expect(JSON.parse(detail.text)).toMatchObject({ data: JSON.parse(json) as unknown });
      }),
    );
  });

  it('trusts a payload size the caller gives instead of counting again', () => {
    const body = '{"a":"é"}';
    expect(serializeDetail(head, jsonPayload(body), Buffer.byteLength(body)).bytes).toBe(serializeDetail(head, jsonPayload(body)).bytes);
  });

  it('counts form, binary and dataref details too', () => {
    const details = [
      serializeDetail({ ...head, datacontenttype: 'application/x-www-form-urlencoded' }, { kind: 'form', bytes: 'a=%C3%A9', fields: { a: 'é' } }),
      serializeDetail({ ...head, datacontenttype: 'text/plain' }, { kind: 'binary', bytes: 'hé', contentType: 'text/plain' }),
      serializeDetail(head, { bucket: 'b', key: 'k', size: 1, sha256: 'ab' }),
    ];
    for (const detail of details) expect(detail.bytes).toBe(Buffer.byteLength(detail.text));
    expect(JSON.parse(details[1]!.text)).toMatchObject({ data_base64: Buffer.from('hé').toString('base64') });
  });
});

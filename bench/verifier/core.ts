import { contentTypeOf, serializeDetail } from '../../lambdas/verifier/detail.js';
import { ENVELOPE_VERSION, type EnvelopeHead } from '../../lambdas/verifier/envelope.js';
import { verify } from '../../lambdas/verifier/verify.js';
import type { WebhookRequest } from '../../lambdas/verifier/types.js';
import { CandidateCheckError } from '../errors.js';
import type { Candidate } from '../measure.js';
import type { SignedFixture } from './fixtures.js';

/**
 * The verifier's exported pure functions in the handler's order — body bytes, the adapter's
 * `signedContent`, `verify`, the adapter's `describe`, `serializeDetail` — without the handler
 * around them (no logger keys, secret cache, promise chain or `PutEventsCommand`). The envelope
 * head is built here the way `handler.ts` builds it (that function is private there), so this is
 * an estimate of what a pure `prepareEvent(request, keys, now)` would cost, not the shipped path.
 */
export function coreCandidate(fixture: SignedFixture): Candidate {
  const { adapter, event } = fixture;
  const toleranceSeconds = 300;
  return {
    name: 'hookbridge core functions only',
    async: false,
    run: () => {
      const body = Buffer.from(event.body!, 'utf8');
      const request: WebhookRequest = { headers: event.headers as Record<string, string>, body, url: fixture.url };
      const content = adapter.signedContent(request);
      const { secretIndex } = verify({ content, keys: [adapter.key(fixture.secret)], nowSeconds: fixture.timestamp, toleranceSeconds });
      const delivery = adapter.describe(request);
      const head: EnvelopeHead = {
        specversion: '1.0',
        id: delivery.id ?? 'body-hash',
        source: `webhooks.${fixture.scheme}`,
        type: delivery.type,
        time: new Date(fixture.timestamp * 1000).toISOString(),
        datacontenttype: contentTypeOf(delivery.payload),
        envelopeversion: ENVELOPE_VERSION,
        correlationid: event.requestContext.requestId,
        verification: { scheme: fixture.scheme, secretIndex },
        vendorheaders: delivery.vendorHeaders,
      };
      return serializeDetail(head, delivery.payload);
    },
    check: (result) => {
      if (typeof result !== 'string' || !result.includes('"data":')) throw new CandidateCheckError('hookbridge core functions only', 'produced no envelope');
    },
  };
}

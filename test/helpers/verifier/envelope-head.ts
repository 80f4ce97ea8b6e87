import type { EnvelopeHead } from '../../../lambdas/verifier/envelope.js';

/** The envelope head of a verified Stripe `invoice.paid` delivery, for tests of what follows verification. */
export const STRIPE_INVOICE_HEAD: EnvelopeHead = {
  specversion: '1.0',
  id: 'evt_1',
  source: 'webhooks.stripe',
  type: 'invoice.paid',
  time: '2026-11-25T20:00:00.000Z',
  datacontenttype: 'application/json',
  envelopeversion: '1.0',
  correlationid: 'req-1',
  verification: { scheme: 'stripe', secretIndex: 0 },
  vendorheaders: {},
};

import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import twilio from 'twilio';
import { CandidateCheckError } from '../errors.js';
import type { Candidate } from '../measure.js';
import type { SignedFixture } from './fixtures.js';

/** A vendor's own verifier, and whether it also parses the body (only those compete on "verify + parse"). */
export interface VendorCandidate extends Candidate {
  readonly parses: boolean;
  /** What the library does and does not do, for the table. */
  readonly note: string;
}

const stripe = new Stripe('sk_test_bench_not_used_for_network');

/** The vendors' own verifiers that take `fixture`'s scheme, fed the same bytes and headers. */
export function vendorCandidates(fixture: SignedFixture): VendorCandidate[] {
  const h = fixture.lowerHeaders;
  switch (fixture.scheme) {
    case 'github':
      return [
        {
          name: '@octokit/webhooks-methods verify',
          parses: false,
          note: 'async, returns a boolean: does not parse',
          async: true,
          run: () => octokitVerify(fixture.secret, fixture.body, h['x-hub-signature-256']!),
          check: expectTrue('@octokit/webhooks-methods verify'),
        },
      ];
    case 'stripe':
      return [
        {
          name: 'stripe webhooks.constructEvent',
          parses: true,
          note: 'verifies and parses',
          async: false,
          run: () => stripe.webhooks.constructEvent(fixture.body, h['stripe-signature']!, fixture.secret),
          check: expectObject('stripe webhooks.constructEvent'),
        },
      ];
    case 'standard': {
      const standard = new StandardWebhook(fixture.secret);
      const svix = new SvixWebhook(fixture.secret);
      const svixHeaders = {
        'svix-id': h['webhook-id']!,
        'svix-timestamp': h['webhook-timestamp']!,
        'svix-signature': h['webhook-signature']!,
      };
      return [
        {
          name: 'standardwebhooks Webhook.verify',
          parses: true,
          note: 'verifies and parses (pure-JS SHA-256)',
          async: false,
          run: () => standard.verify(fixture.body, h),
          check: expectObject('standardwebhooks Webhook.verify'),
        },
        {
          name: 'svix Webhook.verify',
          parses: true,
          note: 'verifies and parses (wraps standardwebhooks)',
          async: false,
          run: () => svix.verify(fixture.body, svixHeaders),
          check: expectObject('svix Webhook.verify'),
        },
      ];
    }
    case 'twilio':
      return [
        {
          name: 'twilio validateRequestWithBody',
          parses: false,
          note: 'returns a boolean: does not parse',
          async: false,
          run: () => twilio.validateRequestWithBody(fixture.secret, h['x-twilio-signature']!, fixture.url, fixture.body),
          check: expectTrue('twilio validateRequestWithBody'),
        },
      ];
    default:
      // Slack, Shopify and the generic scheme: no vendor verifier library among the dependencies.
      return [];
  }
}

function expectTrue(name: string): (result: unknown) => void {
  return (result) => {
    if (result !== true) throw new CandidateCheckError(name, `rejected a valid request (returned ${String(result)})`);
  };
}

function expectObject(name: string): (result: unknown) => void {
  return (result) => {
    if (typeof result !== 'object' || result === null) throw new CandidateCheckError(name, 'did not return the parsed payload');
  };
}

import { SCHEME_NAMES } from '../../lambdas/verifier/schemes/index.js';
import { figure } from '../figure.js';
import { measure, type Candidate, type Timing } from '../measure.js';
import type { BenchSettings, Figure, SectionResult } from '../types.js';
import { signedFixture } from './fixtures.js';
import { coreCandidate } from './core.js';
import { floorCandidate } from './floor.js';
import { hookbridgeCandidate } from './hookbridge.js';
import { vendorCandidates } from './vendors.js';

/** Body sizes measured: a typical webhook and a large one. */
export const BODY_SIZES = [
  { label: '2KiB', bytes: 2 * 1024 },
  { label: '200KiB', bytes: 200 * 1024 },
] as const;

/** hookbridge must stay within this factor of the floor. */
const FLOOR_TARGET = { text: '≤ 1.2× floor', maxRatio: 1.2 };

/**
 * Verifier hot path: µs per request for verify + parse + envelope, per scheme and body size,
 * against the floor (raw HMAC + timingSafeEqual + JSON.parse of the same bytes) and the
 * vendors' own verifiers fed the same request.
 */
export async function verifierSection(settings: BenchSettings): Promise<SectionResult> {
  const started = performance.now();
  const figures: Figure[] = [];
  for (const scheme of SCHEME_NAMES) {
    for (const size of BODY_SIZES) {
      // Signed "now": the vendors' libraries check the timestamp against the real clock.
      const fixture = signedFixture(scheme, size.bytes, Math.floor(Date.now() / 1000));
      const vendors = vendorCandidates(fixture);
      const candidates: Candidate[] = [
        floorCandidate(fixture),
        hookbridgeCandidate(fixture, 'silent'),
        hookbridgeCandidate(fixture, 'info'),
        coreCandidate(fixture),
        ...vendors,
      ];
      const timings = await measure(candidates, settings);
      const micros = (timing: Timing): number => timing.ns.median / 1000;
      const [floor, hookbridge, withLogs, core, ...vendorTimings] = timings as [Timing, Timing, Timing, Timing, ...Timing[]];
      const prefix = `verifier.${scheme}.${size.label}`;
      const where = `${scheme} ${size.label}`;
      const floorBaseline = { name: 'floor', value: micros(floor) };
      figures.push(
        figure({
          id: `${prefix}.floor`,
          label: `${where} floor (HMAC + timingSafeEqual + JSON.parse)`,
          value: micros(floor),
          unit: 'µs/request',
          baseline: floorBaseline,
          spread: floor.ns.spread,
          note: `${fixture.bodyBytes} B body`,
        }),
        figure({
          id: `${prefix}.hookbridge`,
          label: `${where} hookbridge verify + parse + envelope`,
          value: micros(hookbridge),
          unit: 'µs/request',
          baseline: floorBaseline,
          target: FLOOR_TARGET,
          spread: hookbridge.ns.spread,
        }),
        figure({
          id: `${prefix}.hookbridge-info`,
          label: `${where} hookbridge + INFO log line + EMF metrics`,
          value: micros(withLogs),
          unit: 'µs/request',
          baseline: floorBaseline,
          spread: withLogs.ns.spread,
          note: 'informational: the production log line and metrics, written to a discarding stream',
        }),
        figure({
          id: `${prefix}.core`,
          label: `${where} hookbridge core functions only (no handler)`,
          value: micros(core),
          unit: 'µs/request',
          baseline: floorBaseline,
          spread: core.ns.spread,
          note: 'informational: adapter + verify + describe + serializeDetail, what a pure prepareEvent() would cost',
        }),
      );
      vendors.forEach((vendor, index) => {
        const timing = vendorTimings[index]!;
        figures.push(
          figure({
            id: `${prefix}.vendor.${slug(vendor.name)}`,
            label: `${where} ${vendor.name}`,
            value: micros(timing),
            unit: 'µs/request',
            baseline: floorBaseline,
            spread: timing.ns.spread,
            note: vendor.note,
          }),
          figure({
            id: `${prefix}.hookbridge-vs.${slug(vendor.name)}`,
            label: `${where} hookbridge ÷ ${vendor.name}`,
            value: micros(hookbridge),
            unit: 'µs/request',
            baseline: { name: vendor.name, value: micros(timing) },
            // Only a verifier that also parses does the same job; the others are shown for scale.
            target: vendor.parses ? { text: '< 1× (faster than the vendor)', maxRatio: 0.999_999 } : null,
            note: vendor.parses ? 'same job: verify + parse' : 'vendor does not parse: not the same job, no target',
          }),
        );
      });
    }
  }
  return {
    name: 'verifier hot path',
    notes: [
      'µs per request, median of interleaved rounds (spread = interquartile range / median); the input is the Lambda event body string.',
      'hookbridge = createVerifierHandler (lambdas/verifier/handler.ts) with the real adapter, CachedSecretSource (warm) and Publisher;',
      '  the SDK clients answer `send` at once, so the path ends where PutEvents would serialize and go on the wire; logger SILENT, no-op metrics.',
      'core = the same exported functions without the handler (envelope head rebuilt in bench/verifier/core.ts): the cost of the handler around them is hookbridge − core.',
      'floor = createHmac over the signed string + timingSafeEqual + JSON.parse, key and prefix precomputed (Twilio JSON also hashes the body: it is signed via bodySHA256).',
      'Vendors that parse: stripe constructEvent, standardwebhooks and svix verify. Not parsing: @octokit/webhooks-methods verify (async), twilio validateRequestWithBody.',
      'Slack, Shopify and generic have no vendor verifier among the dependencies (Shopify: @shopify/shopify-api needs a runtime adapter; not wired).',
    ],
    figures,
    seconds: (performance.now() - started) / 1000,
  };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

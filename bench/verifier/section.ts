import { SCHEME_NAMES } from '../../lambdas/verifier/schemes/index.js';
import { figure } from '../figure.js';
import { measure, type Candidate, type Timing } from '../measure.js';
import type { BenchSettings, Figure, SectionResult } from '../types.js';
import { signedFixture } from './fixtures.js';
import { floorCandidate } from './floor.js';
import { handlerCandidate, hookbridgeCandidate } from './hookbridge.js';
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
      // Two interleaved groups: the pure functions (floor, hookbridge, vendors), then the handler
      // beside them. The handler allocates far more per call (Powertools, the SDK command, promises),
      // and timed in the same rounds its garbage collection lands on whichever candidate runs next.
      const pure: Candidate[] = [floorCandidate(fixture), hookbridgeCandidate(fixture), ...vendors];
      const [floor, hookbridge, ...vendorTimings] = (await measure(pure, settings)) as [Timing, Timing, ...Timing[]];
      const withHandler: Candidate[] = [floorCandidate(fixture), hookbridgeCandidate(fixture), handlerCandidate(fixture, 'silent'), handlerCandidate(fixture, 'info')];
      const [handlerFloor, handlerHookbridge, handler, withLogs] = (await measure(withHandler, settings)) as [Timing, Timing, Timing, Timing];
      const micros = (timing: Timing): number => timing.ns.median / 1000;
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
          id: `${prefix}.handler`,
          label: `${where} hookbridge handler (+ secret cache, Publisher, PutEventsCommand)`,
          value: micros(handler),
          unit: 'µs/request',
          baseline: { name: 'floor (handler group)', value: micros(handlerFloor) },
          spread: handler.ns.spread,
          note: `informational: the whole handler, logger SILENT, no-op metrics; ${signed(micros(handler) - micros(handlerHookbridge))} µs over verify + parse + envelope in the same rounds`,
        }),
        figure({
          id: `${prefix}.handler-info`,
          label: `${where} hookbridge handler + INFO log line + EMF metrics`,
          value: micros(withLogs),
          unit: 'µs/request',
          baseline: { name: 'floor (handler group)', value: micros(handlerFloor) },
          spread: withLogs.ns.spread,
          note: 'informational: the production log line and metrics, written to a discarding stream',
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
      'µs per request, median of interleaved rounds (spread = interquartile range / median); the input is the API Gateway event, its body a string as Lambda delivers it.',
      'hookbridge = verify + parse + envelope: the three pure steps the handler runs per request, readRequest → verify → prepareEvent (lambdas/verifier/),',
      '  from the event to the PutEvents entry and its size; HMAC keys derived once (the handler keeps them while the secret is unchanged).',
      'handler = createVerifierHandler around the same steps: CachedSecretSource (warm), Publisher and PutEventsCommand, SDK `send` answering at once,',
      '  logger SILENT and no-op metrics; handler + INFO = with the production log line and EMF metrics, formatted and discarded.',
      '  Timed in a second interleaved group (floor, hookbridge, handler, handler + INFO) against that group\'s floor, so the handler\'s garbage',
      '  collection does not land on the pure-function rows; its note is handler − hookbridge within that group.',
      'floor = createHmac over the signed string + timingSafeEqual + JSON.parse, key and prefix precomputed (Twilio JSON also hashes the body: it is signed via bodySHA256).',
      'Vendors that parse: stripe constructEvent, standardwebhooks and svix verify. Not parsing: @octokit/webhooks-methods verify (async), twilio validateRequestWithBody.',
      'Slack, Shopify and generic have no vendor verifier among the dependencies (Shopify: @shopify/shopify-api needs a runtime adapter; not wired).',
    ],
    figures,
    seconds: (performance.now() - started) / 1000,
  };
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toPrecision(3)}`;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

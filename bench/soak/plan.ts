import { createScheme } from '../../lambdas/verifier/schemes/index.js';
import { FLAKY_SHARE, POISON_SHARE, REPEAT_SHARE } from './constants.js';
import { SoakTypes } from './app/constants.js';
import type { Delivery, DeliveryKind, SendJob } from './types.js';

const github = createScheme('github');

/**
 * The send order of a soak run: `total` jobs, of which {@link REPEAT_SHARE} are repeats of an
 * earlier delivery (half right behind the original, so two connections send it at once; half later),
 * and of the unique deliveries {@link FLAKY_SHARE} go to the flaky consumer and {@link POISON_SHARE}
 * are poison. Signed with the verifier's own GitHub adapter (`sign` is the inverse of its check).
 * Deterministic for a given `runId` and `total` (a seeded generator picks the repeats).
 */
export function planDeliveries(total: number, runId: string, secret: string, url: string): SendJob[] {
  const unique = Math.max(1, Math.round(total * (1 - REPEAT_SHARE)));
  const flakyEvery = Math.round(1 / FLAKY_SHARE);
  const poisonEvery = Math.round(1 / POISON_SHARE);
  const deliveries: Delivery[] = [];
  for (let index = 0; index < unique; index += 1) {
    const kind: DeliveryKind = index % poisonEvery === poisonEvery - 1 ? 'poison' : index % flakyEvery === 3 ? 'flaky' : 'plain';
    const id = `${runId}-${index}`;
    const type = SoakTypes[kind];
    const body = JSON.stringify({ ref: 'refs/heads/main', after: id, n: index, repository: { full_name: 'acme/soak' }, pusher: { name: 'soak' } });
    const signed = github.sign({ body: Buffer.from(body), contentType: 'application/json', url, timestamp: Math.floor(Date.now() / 1000), id, type, secret });
    deliveries.push({ index, id, kind, type, body, headers: lower(signed.headers) });
  }
  let seed = 0x9e3779b9;
  const random = (): number => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  // Repeats scheduled right behind their original (so two connections send it at once) or later.
  const after: Delivery[][] = Array.from({ length: unique }, () => []);
  for (let r = 0; r < total - unique; r += 1) {
    const original = Math.floor(random() * unique);
    const slot = r % 2 === 0 ? original : Math.min(unique - 1, original + Math.floor(random() * (unique - original)));
    after[slot]!.push(deliveries[original]!);
  }
  const jobs: SendJob[] = [];
  for (let index = 0; index < unique; index += 1) {
    jobs.push({ delivery: deliveries[index]!, repeat: false });
    for (const delivery of after[index]!) jobs.push({ delivery, repeat: true });
  }
  return jobs;
}

function lower(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

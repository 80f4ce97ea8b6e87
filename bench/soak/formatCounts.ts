import type { SoakCounts } from './types.js';

/** The soak counts as a readable table. */
export function formatCounts(c: SoakCounts): string {
  const rows: [string, string][] = [
    ['webhooks sent (jobs)', `${c.sent} (${c.uniqueDeliveries} unique deliveries + ${c.repeats} repeats)`],
    ['HTTP requests (vendor retries included)', `${c.httpRequests}: 2xx ${c.answered2xx}, 503 ${c.answered503}, other ${c.answeredOther}, connection errors ${c.connectionErrors}`],
    ['unique deliveries accepted (2xx) / sent', `${c.acceptedUnique} / ${c.uniqueDeliveries}`],
    ['bus → queue deliveries (rule targets, both runtime lifetimes; replay included)', String(c.eventsOnBus)],
    ['audit rows (SDK Scan) / unique accepted', `${c.auditRows} / ${c.acceptedUnique} (missing ${c.auditLost}, unexpected ${c.auditUnexpected})`],
  ];
  for (const [name, e] of Object.entries(c.effects)) {
    rows.push([`${name}: deliveries with a side effect / expected`, `${e.keys - e.unexpected} / ${e.expected} (side effects ${e.effects}; lost ${e.lost}, doubled ${e.doubled}, repeated across the SIGKILL ${e.repeatedAcrossKill}, unexpected ${e.unexpected})`]);
  }
  rows.push(
    ['DLQs before redrive', JSON.stringify(c.dlqBeforeRedrive)],
    ['DLQs after redrive', JSON.stringify(c.dlqAfterRedrive)],
    ['replay: messages re-delivered to queues', String(c.replay.messagesRedelivered)],
    ['replay: side effects / audit rows changed', `${c.replay.effectsChanged} / ${c.replay.auditRowsChanged}`],
    ['LOST (2xx-answered without its side effects or audit row)', String(c.lost)],
    ['DOUBLED (side effects or audit rows)', String(c.doubled)],
    ...c.doubledSamples.map((sample): [string, string] => ['  doubled', sample]),
    ['wall time', `${c.seconds.toFixed(1)} s`],
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

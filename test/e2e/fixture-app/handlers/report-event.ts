import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { reportOf, sendReport } from './report.js';

/**
 * Fixture consumer (ledger, flaky, bulk-sink): reports each event once (idempotent) to the test's
 * downstream server and fails when the server does not answer 2xx.
 */
export const handler = defineConsumer(async (event, context) => {
  await sendReport(reportOf(event, context));
  return { reported: true };
});

import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { sendReport } from './sendReport.js';

/** Soak consumer (ledger, flaky): one idempotent downstream call per event. */
export const handler = defineConsumer(async (event, context) => {
  await sendReport(event, context);
  return { reported: true };
});

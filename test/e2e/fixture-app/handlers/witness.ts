import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { reportOf, sendReport } from './report.js';

/**
 * Fixture consumer without idempotency: reports every delivery, so a test can see from outside
 * that an archive replay really re-delivered events that the idempotent consumers absorbed.
 */
export const handler = defineConsumer(
  async (event, context) => {
    await sendReport(reportOf(event, context));
  },
  { idempotent: false },
);

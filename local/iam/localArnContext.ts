import { DEFAULT_LOCAL_REGION, LOCAL_ACCOUNT_ID, LOCAL_PARTITION } from './constants.js';
import type { ArnContext } from './types.js';

/**
 * The local account's ARN context: account `000000000000`, region `AWS_REGION` or `us-east-1`.
 */
export const localArnContext = (region: string = process.env.AWS_REGION ?? DEFAULT_LOCAL_REGION): ArnContext => ({
  accountId: LOCAL_ACCOUNT_ID,
  region,
  partition: LOCAL_PARTITION,
});

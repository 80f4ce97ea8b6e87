import type { ArnContext } from './types.js';

/** `arn:<partition>:<service>:<region>:<account>:` — the prefix of a regional ARN. */
export const regionalArnPrefix = (ctx: ArnContext, service: string): string =>
  `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:`;

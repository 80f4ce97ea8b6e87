import { randomBytes } from 'node:crypto';

/** A request id shaped like HTTP API's (`apigw-requestid`, e.g. `RL2XYiwjPHcEMEQ=`). */
export const newRequestId = (): string => randomBytes(11).toString('base64');

/**
 * An X-Ray trace header value as API Gateway adds it (`Root=1-<epoch seconds hex>-<96 random bits hex>`).
 *
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sendingdata.html#xray-api-traceids
 */
export const newTraceId = (epochMs: number): string =>
  `Root=1-${Math.floor(epochMs / 1000).toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number): string => String(n).padStart(2, '0');

/** `requestContext.time`: CLF-style UTC time, e.g. `12/Mar/2020:19:03:58 +0000`. */
export const formatRequestTime = (epochMs: number): string => {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};

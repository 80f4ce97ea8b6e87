import type { AuthorizationCheck, ArnContext } from '../types.js';

/** A path-style S3 request, as the mapper needs it. */
export interface S3RequestLine {
  readonly method: string;
  /** The request target, `/<bucket>/<key>?<query>`, key URL-encoded as sent. */
  readonly url: string;
}

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const BUCKET_ACTIONS: Readonly<Record<string, string>> = {
  PUT: 's3:CreateBucket',
  DELETE: 's3:DeleteBucket',
  // HeadBucket and ListObjects(V2) both need s3:ListBucket.
  HEAD: 's3:ListBucket',
  GET: 's3:ListBucket',
};

const OBJECT_ACTIONS: Readonly<Record<string, string>> = {
  PUT: 's3:PutObject',
  // HeadObject needs s3:GetObject; there is no s3:HeadObject action.
  HEAD: 's3:GetObject',
  GET: 's3:GetObject',
  DELETE: 's3:DeleteObject',
};

/**
 * The IAM check of one path-style S3 REST request: objects map to `s3:GetObject` / `s3:PutObject` /
 * `s3:DeleteObject` on `arn:aws:s3:::<bucket>/<key>`, buckets to `s3:CreateBucket` /
 * `s3:ListBucket` / `s3:DeleteBucket` on `arn:aws:s3:::<bucket>`. Sub-resources (`?tagging`,
 * `?acl`, ...) are not told apart from the plain object or bucket operation.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
export const s3Checks = (request: S3RequestLine, ctx: Pick<ArnContext, 'partition'>): AuthorizationCheck[] => {
  const method = request.method.toUpperCase();
  const path = request.url.split('?')[0] ?? '/';
  const slash = path.indexOf('/', 1);
  const bucket = decodeSegment(slash === -1 ? path.slice(1) : path.slice(1, slash));
  const key = slash === -1 ? '' : path.slice(slash + 1).split('/').map(decodeSegment).join('/');
  if (bucket === '') return [{ action: 's3:ListAllMyBuckets', resource: '*' }];
  if (key === '') {
    return [{ action: BUCKET_ACTIONS[method] ?? `s3:${method}Bucket`, resource: `arn:${ctx.partition}:s3:::${bucket}` }];
  }
  return [{ action: OBJECT_ACTIONS[method] ?? `s3:${method}Object`, resource: `arn:${ctx.partition}:s3:::${bucket}/${key}` }];
};

import { InvalidRouteKeyError } from './errors.js';
import { parseRouteKey, type ParsedRouteKey, type RouteSegment } from './parseRouteKey.js';

/** The route a request selected, with its decoded path variables. */
export interface RouteMatch<T> {
  readonly routeKey: string;
  readonly target: T;
  /** Absent when the route has no path variables (and for `$default`). */
  readonly pathParameters?: Readonly<Record<string, string>>;
}

interface Entry<T> {
  readonly parsed: Extract<ParsedRouteKey, { kind: 'route' }>;
  readonly target: T;
}

interface Candidate<T> {
  readonly entry: Entry<T>;
  readonly pathParameters: Record<string, string>;
}

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const RANK: Readonly<Record<RouteSegment['kind'], number>> = { literal: 2, variable: 1, greedy: 0 };

/**
 * Orders two matching routes, most specific first: segment by segment from the left, a literal
 * beats a `{variable}`, which beats a greedy `{proxy+}`; on equal paths a route naming the method
 * beats `ANY` ("ANY matches all methods that you haven't defined for a resource").
 */
const compareSpecificity = <T>(a: Entry<T>, b: Entry<T>): number => {
  const length = Math.max(a.parsed.segments.length, b.parsed.segments.length);
  for (let i = 0; i < length; i += 1) {
    const sa = a.parsed.segments[i];
    const sb = b.parsed.segments[i];
    // Both matched the same request, so a shorter route ends in a greedy segment that the longer
    // one refined: the longer one is more specific.
    if (sa === undefined || sb === undefined) return sa === undefined ? 1 : -1;
    const diff = RANK[sb.kind] - RANK[sa.kind];
    if (diff !== 0) return diff;
  }
  return (a.parsed.method === 'ANY' ? 1 : 0) - (b.parsed.method === 'ANY' ? 1 : 0);
};

const matchPath = (segments: readonly RouteSegment[], requestSegments: readonly string[]): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as RouteSegment;
    if (segment.kind === 'greedy') {
      const rest = requestSegments.slice(i).join('/');
      // A greedy variable catches child resources: at least something after the prefix.
      if (rest === '') return undefined;
      params[segment.name] = decodeSegment(rest);
      return params;
    }
    const part = requestSegments[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (decodeSegment(part) !== segment.value) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.name] = decodeSegment(part);
    }
  }
  return requestSegments.length === segments.length ? params : undefined;
};

/**
 * HTTP API route selection: the most specific match wins — a full match of route and method, then
 * routes with a greedy path variable, then `$default`; no match is API Gateway's 404.
 *
 * The AWS guide orders only full matches, greedy matches and `$default`; between several full or
 * several greedy matches this table prefers, segment by segment, literals over `{variables}` over
 * greedy variables, and a named method over `ANY`, which reproduces every example of the guide.
 * Literal segments compare case-sensitively after percent-decoding; a trailing slash is a segment.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation
 */
export class RouteTable<T> {
  private readonly entries: Entry<T>[] = [];
  private defaultTarget?: { readonly routeKey: string; readonly target: T };

  /** @throws InvalidRouteKeyError for an invalid or repeated route key */
  public constructor(routes: Iterable<{ readonly routeKey: string; readonly target: T }>) {
    const seen = new Set<string>();
    for (const { routeKey, target } of routes) {
      if (seen.has(routeKey)) throw new InvalidRouteKeyError(routeKey, 'the route key appears twice');
      seen.add(routeKey);
      const parsed = parseRouteKey(routeKey);
      if (parsed.kind === 'default') this.defaultTarget = { routeKey, target };
      else this.entries.push({ parsed, target });
    }
  }

  /** Selects the route for `method` and `rawPath` (the path as received, without query string). */
  public select(method: string, rawPath: string): RouteMatch<T> | undefined {
    const requestSegments = rawPath === '/' || rawPath === '' ? [] : rawPath.replace(/^\//, '').split('/');
    const upper = method.toUpperCase();
    const candidates: Candidate<T>[] = [];
    for (const entry of this.entries) {
      if (entry.parsed.method !== 'ANY' && entry.parsed.method !== upper) continue;
      const pathParameters = matchPath(entry.parsed.segments, requestSegments);
      if (pathParameters) candidates.push({ entry, pathParameters });
    }
    candidates.sort((a, b) => compareSpecificity(a.entry, b.entry));
    const best = candidates[0];
    if (best) {
      const hasParams = Object.keys(best.pathParameters).length > 0;
      return { routeKey: best.entry.parsed.routeKey, target: best.entry.target, ...(hasParams ? { pathParameters: best.pathParameters } : {}) };
    }
    return this.defaultTarget ? { routeKey: this.defaultTarget.routeKey, target: this.defaultTarget.target } : undefined;
  }
}

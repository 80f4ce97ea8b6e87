import { ErrorCode, STATUS_OF } from '../../../lambdas/verifier/errors.js';
import type { ReceivedEntry } from '../verifier/fake-aws.js';
import type { FuzzRequest } from './buildRequest.js';
import { FUZZ_BODY_LIMIT, MIN_LEAK_CHECK_BYTES } from './constants.js';
import { ALL_SECRETS } from './targets.js';

/** What one fuzzed request led to, observed from outside the handler. */
export interface Observation {
  /** The answer; `undefined` when the handler threw (or the gateway could not be reached). */
  readonly answer?: { readonly status: number; readonly contentType?: string; readonly body: string };
  readonly thrown?: unknown;
  /** PutEvents entries the fake EventBridge accepted during the request. */
  readonly events: readonly ReceivedEntry[];
  /** Objects written to the claim-check bucket during the request. */
  readonly objects: number;
  /** Log lines written while the request was handled. */
  readonly lines: readonly string[];
}

const CODES = new Set<string>(Object.values(ErrorCode));
const is2xx = (status: number): boolean => status >= 200 && status < 300;

/**
 * Properties every request must satisfy, whatever it is: the handler answers (never throws), no
 * event without a 2xx and at most one with it, a 202 names the published envelope, an error is
 * the contract's `{"error","message"}` with the status of its code, and no secret or whole body
 * appears in a log line or the answer. `healthy` adds: never a 5xx (bad input is the caller's fault).
 */
export function universalViolations(request: FuzzRequest, seen: Observation, healthy: boolean): string[] {
  const problems: string[] = [];
  if (seen.thrown !== undefined) return [`the handler threw instead of answering: ${describe(seen.thrown)}`];
  const answer = seen.answer;
  if (!answer) return ['no answer'];
  if (healthy && answer.status >= 500) problems.push(`answered ${answer.status} to bad input (${answer.body.slice(0, 200)})`);
  if (!is2xx(answer.status) && seen.events.length > 0) problems.push(`published ${seen.events.length} event(s) but answered ${answer.status}`);
  // With healthy dependencies a claim-check upload is always followed by a published event; after a
  // failed PutEvents the content-addressed object stays behind (the retry overwrites it) — allowed.
  if (healthy && !is2xx(answer.status) && seen.objects > 0) problems.push(`wrote a claim-check object but answered ${answer.status}`);
  if (seen.events.length > 1) problems.push(`published ${seen.events.length} events for one request`);
  if (answer.status === 202) {
    if (seen.events.length !== 1) problems.push(`answered 202 with ${seen.events.length} events on the bus`);
    else {
      const detail = JSON.parse(seen.events[0]!.Detail) as { id?: unknown };
      if (answer.body !== JSON.stringify({ id: detail.id })) problems.push(`202 body ${answer.body} does not name the envelope id ${String(detail.id)}`);
    }
  }
  if (!is2xx(answer.status)) problems.push(...errorShapeViolations(answer));
  problems.push(...leakViolations(request, seen.lines, answer.body));
  return problems;
}

function errorShapeViolations(answer: NonNullable<Observation['answer']>): string[] {
  let parsed: { error?: unknown; message?: unknown };
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    return [`error answer ${answer.status} is not JSON: ${answer.body.slice(0, 120)}`];
  }
  if (typeof parsed.error !== 'string' || !CODES.has(parsed.error)) return [`error answer ${answer.status} has no known code: ${answer.body.slice(0, 120)}`];
  const problems: string[] = [];
  if (STATUS_OF[parsed.error as ErrorCode] !== answer.status) problems.push(`code ${parsed.error} answered with ${answer.status}`);
  if (typeof parsed.message !== 'string' || /[\r\n]/.test(parsed.message)) problems.push(`error message is not one line: ${JSON.stringify(parsed.message)}`);
  if (answer.contentType !== undefined && !answer.contentType.startsWith('application/json')) problems.push(`error content-type ${answer.contentType}`);
  return problems;
}

/** A configured secret in a log line or the answer; the whole body (12 bytes or more) in a log line. */
export function leakViolations(request: FuzzRequest, lines: readonly string[], answerBody: string): string[] {
  const problems: string[] = [];
  for (const secret of ALL_SECRETS) {
    const line = lines.find((l) => l.includes(secret));
    if (line) problems.push(`a secret appears in a log line: ${line.slice(0, 300)}`);
    if (answerBody.includes(secret)) problems.push('a secret appears in the answer');
  }
  if (request.body.length >= MIN_LEAK_CHECK_BYTES) {
    const text = request.body.toString('utf8');
    const forms = [text, JSON.stringify(text).slice(1, -1), request.body.toString('base64')];
    const line = lines.find((l) => forms.some((form) => l.includes(form)));
    if (line) problems.push(`the whole body appears in a log line: ${line.slice(0, 400)}`);
  }
  return problems;
}

/** What the verifier owes a request given how it was made (see `Authenticity`). */
export function classViolations(request: FuzzRequest, seen: Observation): string[] {
  const answer = seen.answer;
  if (!answer) return [];
  const status = answer.status;
  if (request.authenticity === 'forged') {
    const problems: string[] = [];
    if (seen.events.length > 0) problems.push('published an event for a request that does not verify');
    if (![401, 404, 405, 413].includes(status)) problems.push(`answered ${status} to a request that does not verify (expected 401, 404, 405 or 413): ${answer.body.slice(0, 200)}`);
    return problems;
  }
  if (request.authenticity !== 'genuine') return [];
  if (request.body.length > FUZZ_BODY_LIMIT) return status === 413 ? [] : [`answered ${status} to an authentic body over the limit (expected 413)`];
  if (!request.wellFormed) return [200, 202, 400].includes(status) ? [] : [`answered ${status} to an authentic request (expected 200, 202 or 400): ${answer.body.slice(0, 200)}`];
  if (request.handshake) return status === 200 && seen.events.length === 0 ? [] : [`handshake answered ${status} with ${seen.events.length} events`];
  return is2xx(status) && seen.events.length === 1 ? [] : [`an authentic, well-formed request got ${status} with ${seen.events.length} events: ${answer.body.slice(0, 200)}`];
}

/** A readable one-line description of a request, for failure messages. */
export function describeRequest(request: FuzzRequest): string {
  return JSON.stringify({
    target: request.target.name,
    authenticity: request.authenticity,
    method: request.method,
    path: request.rawPath,
    query: request.rawQueryString,
    headers: request.headers.map(([n, v]) => [n, v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v]),
    body: request.body.length > 200 ? `${request.body.toString('utf8', 0, 200)}…(${request.body.length} bytes)` : request.body.toString('utf8'),
    transport: request.transport,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

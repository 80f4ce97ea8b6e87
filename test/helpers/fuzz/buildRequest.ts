import { NOW_SECONDS } from './constants.js';
import type { Mode, Mutation, RandomRecipe, SignedRecipe } from './recipes.js';
import { targetNamed } from './recipes.js';
import type { FuzzTarget } from './targets.js';
import { vendorSign } from './vendorSign.js';

/**
 * - `genuine`: signed with an active secret, inside the window, changed only in ways that keep it
 *   authentic — must be accepted when its body is well-formed;
 * - `forged`: unsigned, signed with a wrong secret, stale, or changed in a way that breaks the
 *   signature (or refused before verification: a wrong method) — must never publish;
 * - `unknown`: changed in a way that may or may not keep it authentic.
 */
export type Authenticity = 'genuine' | 'forged' | 'unknown';

/** One request ready to send, and what the verifier owes it. */
export interface FuzzRequest {
  readonly target: FuzzTarget;
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** Names as sent (any case); a repeated name is repeated. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  /** How the event carries the body: text, base64, or a given (possibly invalid) base64 string. */
  readonly transport: 'text' | 'base64' | { readonly invalidBase64: string };
  readonly authenticity: Authenticity;
  /** The body is one the scheme must accept once verified. */
  readonly wellFormed: boolean;
  readonly handshake: boolean;
}

/** Where the verifier thinks it is: the domain of the public URL (Twilio signs it). */
export interface Site {
  readonly domainName: string;
}

const isUtf8 = (bytes: Buffer): boolean => Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

function wrongSecret(target: FuzzTarget): string {
  return target.scheme === 'standard' ? `whsec_${Buffer.from('not-the-configured-key').toString('base64')}` : `${target.secrets[0]!}-not`;
}

/** The scheme's signature header names as this request sends them (Standard Webhooks may use `svix-*`). */
function signatureNames(target: FuzzTarget, svix: boolean): string[] {
  return target.signatureHeaders.map((name) => (svix ? name.replace(/^webhook-/, 'svix-') : name));
}

/** Signs a recipe's request with the vendor library, then applies its mutations in order. */
export async function buildSigned(recipe: SignedRecipe, mode: Mode, site: Site): Promise<FuzzRequest> {
  const target = targetNamed(recipe.target);
  const rawPath = `/webhooks/${target.name}`;
  const stale = Math.abs(recipe.timestampOffset) > 300 && target.timestamped;
  const signed = await vendorSign({
    scheme: target.scheme,
    body: recipe.payload.body,
    contentType: recipe.payload.contentType,
    url: `https://${site.domainName}${rawPath}`,
    timestamp: NOW_SECONDS + recipe.timestampOffset,
    id: recipe.id,
    type: recipe.type,
    secret: recipe.secretIndex < 0 ? wrongSecret(target) : target.secrets[recipe.secretIndex]!,
    svixHeaders: recipe.svixHeaders,
    generic: target.generic,
  });
  const url = new URL(signed.url);
  const state: MutableRequest = {
    method: 'POST',
    rawPath,
    rawQueryString: url.search.slice(1),
    headers: Object.entries(signed.headers).map(([n, v]) => [n, v] as [string, string]),
    body: recipe.payload.body,
    base64Inserts: [],
  };
  const names = signatureNames(target, recipe.svixHeaders);
  const bodyEffect: Effect = target.signsFields(recipe.payload.contentType) ? 'unknown' : 'body-forged';
  const effects = new Set<Effect>(recipe.secretIndex < 0 || stale ? ['forged'] : []);
  for (const mutation of recipe.mutations) effects.add(apply(mutation, state, target, names, bodyEffect, mode));
  // Body mutations can cancel out (append, then truncate back): only bytes that differ from the
  // signed ones prove a forgery.
  if (state.body.equals(recipe.payload.body)) effects.delete('body-forged');
  // A corrupted base64 transport may decode to other bytes than the ones mutated, even back to the
  // signed ones (an inserted '=' ends decoding), so body mutations no longer prove a forgery then.
  const authenticity: Authenticity = effects.has('forged')
    ? 'forged'
    : effects.has('body-forged') && state.base64Inserts.length === 0
      ? 'forged'
      : effects.has('unknown') || effects.has('body-forged')
        ? 'unknown'
        : 'genuine';
  let transport: FuzzRequest['transport'] = recipe.base64 || !isUtf8(state.body) ? 'base64' : 'text';
  if (state.base64Inserts.length > 0) {
    let encoded = state.body.toString('base64');
    for (const { at, insert } of state.base64Inserts) {
      const i = at % (encoded.length + 1);
      encoded = encoded.slice(0, i) + insert + encoded.slice(i);
    }
    transport = { invalidBase64: encoded };
  }
  return {
    target,
    method: state.method,
    rawPath: state.rawPath,
    rawQueryString: state.rawQueryString,
    headers: state.headers,
    body: state.body,
    transport,
    authenticity,
    wellFormed: recipe.payload.wellFormed,
    handshake: recipe.payload.handshake,
  };
}

interface MutableRequest {
  method: string;
  rawPath: string;
  rawQueryString: string;
  headers: [string, string][];
  body: Buffer;
  base64Inserts: { at: number; insert: string }[];
}

/** What a mutation did: kept the request authentic, broke it, changed the signed body bytes, or cannot tell. */
type Effect = 'genuine' | 'forged' | 'body-forged' | 'unknown';

/** Applies one mutation and says what it did to the request's authenticity. */
function apply(mutation: Mutation, state: MutableRequest, target: FuzzTarget, names: readonly string[], bodyEffect: Effect, mode: Mode): Effect {
  const signedUrl = target.scheme === 'twilio';
  const pick = (which: number): string => names[which % names.length]!;
  const indexOf = (name: string): number => state.headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
  switch (mutation.kind) {
    case 'recase-header-names':
      state.headers = state.headers.map(([n, v], i) => [recaseName(n, mutation.seed + i), v]);
      return 'genuine';
    case 'extra-header':
      state.headers.push([`x-fuzz-${mutation.suffix}`, mutation.value]);
      return 'genuine';
    case 'lowercase-method':
      state.method = state.method.toLowerCase();
      return 'genuine';
    case 'add-query':
      if (mutation.query === '') return 'genuine';
      state.rawQueryString = state.rawQueryString ? `${state.rawQueryString}&${mutation.query}` : mutation.query;
      return signedUrl ? 'unknown' : 'genuine';
    case 'change-path':
      if (mutation.suffix === '') return 'genuine';
      state.rawPath += mutation.suffix;
      return signedUrl ? 'unknown' : 'genuine';
    case 'flip-body-byte': {
      if (state.body.length === 0) return 'genuine';
      const body = Buffer.from(state.body);
      const i = mutation.index % body.length;
      body[i] = body[i]! ^ mutation.xor;
      state.body = body;
      return bodyEffect;
    }
    case 'append-body':
      state.body = Buffer.concat([state.body, Buffer.from(mutation.bytes)]);
      return bodyEffect;
    case 'truncate-body': {
      const keep = Math.floor(state.body.length * mutation.keep);
      if (keep === state.body.length) return 'genuine';
      state.body = state.body.subarray(0, keep);
      return bodyEffect;
    }
    case 'drop-signature-header': {
      const name = pick(mutation.which);
      const before = state.headers.length;
      state.headers = state.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
      return state.headers.length < before ? 'forged' : 'genuine';
    }
    case 'other-method':
      state.method = mutation.method;
      return 'forged';
    case 'duplicate-signature-header': {
      const i = indexOf(pick(mutation.which));
      if (i < 0) return 'unknown';
      const [name, value] = state.headers[i]!;
      if (mode === 'http') state.headers.splice(mutation.garbageFirst ? i : i + 1, 0, [name, mutation.garbage]);
      else state.headers[i] = [name, mutation.garbageFirst ? `${mutation.garbage},${value}` : `${value},${mutation.garbage}`];
      return 'unknown';
    }
    case 'replace-header-value': {
      if (state.headers.length === 0) return 'unknown';
      const i = mutation.which % state.headers.length;
      state.headers[i] = [state.headers[i]![0], mutation.value];
      return 'unknown';
    }
    case 'pad-signature-value': {
      const i = indexOf(pick(mutation.which));
      if (i < 0) return 'unknown';
      state.headers[i] = [state.headers[i]![0], `${mutation.before}${state.headers[i]![1]}${mutation.after}`];
      return 'unknown';
    }
    case 'invalid-base64':
      state.base64Inserts.push({ at: mutation.at, insert: mutation.insert });
      return 'unknown';
    case 'set-content-type': {
      const i = indexOf('content-type');
      if (i >= 0) state.headers[i] = [state.headers[i]![0], mutation.value];
      else state.headers.push(['Content-Type', mutation.value]);
      return 'unknown';
    }
  }
}

function recaseName(name: string, seed: number): string {
  let bits = seed;
  let out = '';
  for (const char of name) {
    out += bits & 1 ? char.toUpperCase() : char.toLowerCase();
    bits = bits >>> 1 || seed + 1;
  }
  return out;
}

/** An unsigned request: always `forged` (a random digest matching is a 2^-160 event at best). */
export function buildRandom(recipe: RandomRecipe): FuzzRequest {
  const target = targetNamed(recipe.target);
  return {
    target,
    method: recipe.method,
    rawPath: `/webhooks/${target.name}${recipe.pathSuffix}`,
    rawQueryString: recipe.query,
    headers: recipe.headers.map(([n, v]) => [n, v] as const),
    body: recipe.body,
    transport: recipe.base64 === 'invalid' ? { invalidBase64: `${recipe.body.toString('base64')}!*` } : recipe.base64 || !isUtf8(recipe.body) ? 'base64' : 'text',
    authenticity: 'forged',
    wellFormed: false,
    handshake: false,
  };
}

import { VerifierConfigError } from '../errors.js';
import type { Scheme } from '../types.js';
import { createGenericScheme, type GenericSchemeOptions } from './generic.js';
import { githubScheme } from './github.js';
import { shopifyScheme } from './shopify.js';
import { slackScheme } from './slack.js';
import { standardScheme } from './standard.js';
import { stripeScheme } from './stripe.js';
import { twilioScheme } from './twilio.js';

/*
 * The registry of vendor adapters. Adding a vendor is one file in this folder plus one line here;
 * `SchemeName` (the union used by the envelope and the config) is derived from this object.
 */
const FACTORIES = {
  github: () => githubScheme,
  stripe: () => stripeScheme,
  slack: () => slackScheme,
  shopify: () => shopifyScheme,
  standard: () => standardScheme,
  twilio: () => twilioScheme,
  generic: (options: Record<string, unknown>) => createGenericScheme(options as GenericSchemeOptions),
} satisfies Record<string, (options: Record<string, unknown>) => Scheme>;

/** Names of the supported signature schemes (`HOOKBRIDGE_SCHEME`). */
export type SchemeName = keyof typeof FACTORIES;

/** Every supported scheme name. */
export const SCHEME_NAMES = Object.keys(FACTORIES) as readonly SchemeName[];

/** True when `name` is a supported scheme. */
export function isSchemeName(name: string): name is SchemeName {
  return Object.hasOwn(FACTORIES, name);
}

/**
 * The adapter for `name`, configured with `options` (`HOOKBRIDGE_SCHEME_OPTIONS`).
 * @throws VerifierConfigError for an unknown scheme or invalid options
 */
export function createScheme(name: string, options: Record<string, unknown> = {}): Scheme {
  if (!isSchemeName(name)) {
    throw new VerifierConfigError(`scheme must be one of ${SCHEME_NAMES.join(', ')} (given ${JSON.stringify(name)})`);
  }
  return FACTORIES[name](options);
}

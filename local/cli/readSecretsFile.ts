import { readFileSync } from 'node:fs';
import { SettingsError } from './errors.js';

/** Signing secret per source: one string, or several (newest first) during a rotation. */
export type WebhookSecrets = Readonly<Record<string, string | readonly string[]>>;

/**
 * Reads a secrets file (`WEBHOOK_SECRETS_FILE`): a JSON object of source name → secret string, or
 * a non-empty array of secret strings for a rotation — the same shapes the verifier accepts as a
 * Secrets Manager value (docs/contract.md, `HOOKBRIDGE_SECRET_ID`).
 *
 * @param setting how the user named the file (`--secrets-file` or `WEBHOOK_SECRETS_FILE`), for messages
 * @throws SettingsError when the file cannot be read, is not JSON, or holds another shape
 */
export function readSecretsFile(file: string, setting: string): WebhookSecrets {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new SettingsError(setting, `cannot read ${setting} ${file} (${reason}); fix the path or create it as {"<source>": "<secret>"}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(setting, `${setting} ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); write it as {"<source>": "<secret>"}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SettingsError(setting, `${setting} ${file} must hold a JSON object of source → secret (given ${describe(parsed)}); write it as {"<source>": "<secret>"}`);
  }
  const secrets: Record<string, string | readonly string[]> = {};
  for (const [source, value] of Object.entries(parsed)) {
    const valid =
      (typeof value === 'string' && value.length > 0) ||
      (Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && entry.length > 0));
    if (!valid) {
      throw new SettingsError(setting, `${setting} ${file}: the secret of source ${JSON.stringify(source)} must be a non-empty string or a non-empty array of them (given ${describe(value)})`);
    }
    secrets[source] = value as string | string[];
  }
  return secrets;
}

/** Names a JSON value's kind without echoing it: a secrets file must never end up in a terminal log. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array with a non-string or empty entry';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}

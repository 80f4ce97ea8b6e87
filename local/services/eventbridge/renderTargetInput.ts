import { evaluateJsonPath } from './jsonPath.js';
import type { EventEnvelope, TargetRecord } from './types.js';

/** What the reserved input-transformer variables are made of. */
export interface RenderContext {
  readonly ruleArn: string;
  readonly ruleName: string;
  /** Epoch ms at which EventBridge received the event. */
  readonly ingestedAt: number;
}

/**
 * The message body a target receives: the event JSON, or `Input`, or the value at `InputPath`,
 * or the `InputTransformer` template filled in.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function renderTargetInput(target: TargetRecord, event: EventEnvelope, context: RenderContext): string {
  if (target.Input !== undefined) {
    return target.Input;
  }
  if (target.InputPath !== undefined) {
    return JSON.stringify(evaluateJsonPath(event, target.InputPath) ?? null);
  }
  if (target.InputTransformer !== undefined) {
    return transform(target.InputTransformer.InputTemplate, variables(target, event, context));
  }
  return JSON.stringify(event);
}

function variables(target: TargetRecord, event: EventEnvelope, context: RenderContext): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, path] of Object.entries(target.InputTransformer?.InputPathsMap ?? {})) {
    // "If you specify a variable to match a JSON path that doesn't exist in the event, that
    // variable isn't created" — we still render it (as null / empty) so the JSON stays valid.
    values.set(name, evaluateJsonPath(event, path));
  }
  const { detail: _detail, ...withoutDetail } = event;
  values.set('aws.events.rule-arn', context.ruleArn);
  values.set('aws.events.rule-name', context.ruleName);
  values.set('aws.events.event.ingestion-time', new Date(context.ingestedAt).toISOString());
  // Current docs: aws.events.event is the original payload without `detail`; .json is the whole event.
  values.set('aws.events.event', withoutDetail);
  values.set('aws.events.event.json', event);
  return values;
}

/**
 * Fills `<name>` placeholders. Outside a JSON string a value is inserted as JSON (a string gets
 * quotes); inside a string it is inserted as its raw text, not escaped ("EventBridge doesn't escape
 * values extracted by Input Path"). A result that is a JSON object or array is minified ("The JSON
 * that is passed to the target is minified").
 */
function transform(template: string, values: ReadonlyMap<string, unknown>): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const char = template[i] as string;
    if (char === '\\' && inString) {
      out += char + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') {
      inString = !inString;
      out += char;
      continue;
    }
    if (char === '<') {
      const end = template.indexOf('>', i + 1);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (values.has(name)) {
        out += render(values.get(name), inString);
        i = end;
        continue;
      }
    }
    out += char;
  }
  return minifyIfJson(out);
}

function render(value: unknown, inString: boolean): string {
  if (value === undefined) {
    return inString ? '' : 'null';
  }
  if (inString && typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

function minifyIfJson(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return text;
  }
  try {
    return JSON.stringify(JSON.parse(trimmed));
  } catch {
    return text;
  }
}

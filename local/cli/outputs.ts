import { readFileSync } from 'node:fs';
import { OutputsError } from './errors.js';
import { kebab, OutputKey, QUEUE_URL_KEY, WEBHOOK_URL_KEY } from './outputKeys.js';

/** The queues of one consumer, from its outputs. */
export interface ConsumerQueues {
  /** PascalCase name as it appears in the output keys, e.g. `CrmSync`. */
  readonly key: string;
  /** The consumer name, e.g. `crm-sync`. */
  readonly name: string;
  readonly queueUrl: string;
  /** Dead-letter queue of messages that failed maxReceiveCount times. */
  readonly dlqUrl?: string;
  /** Dead-letter queue of the rule target (events EventBridge could not deliver). */
  readonly deliveryDlqUrl?: string;
}

/** The outputs of one stack, with typed access to the keys `IntegrationStack` emits. */
export class StackOutputs {
  public constructor(
    /** The stack name (the top-level key of the outputs file). */
    public readonly stackName: string,
    /** Every output of the stack, by key. */
    public readonly values: Readonly<Record<string, string>>,
    /** Absolute path of the file the outputs came from, for messages. */
    public readonly file: string,
  ) {}

  /** The value of `key`, or `undefined`. */
  public get(key: string): string | undefined {
    return this.values[key];
  }

  /**
   * The value of `key`.
   * @throws OutputsError when the stack has no such output
   */
  public require(key: string, what: string): string {
    const value = this.values[key];
    if (value === undefined) {
      throw new OutputsError(`${this.file} has no output ${key} (${what}) for stack ${this.stackName}; redeploy or restart \`hookbridge local\` so the outputs are current`);
    }
    return value;
  }

  /** Base URL of the webhook API (`ApiUrl`), when present. */
  public get apiUrl(): string | undefined {
    return this.get(OutputKey.apiUrl);
  }

  /** Source names that have a webhook URL, e.g. `['github', 'order-events']`. */
  public get sources(): readonly string[] {
    return Object.keys(this.values).flatMap((key) => {
      const match = WEBHOOK_URL_KEY.exec(key);
      return match ? [kebab(match[1]!)] : [];
    });
  }

  /**
   * The webhook URL of `source`.
   * @throws OutputsError naming the sources the stack has, when it has not this one
   */
  public webhookUrl(source: string): string {
    const url = this.get(OutputKey.webhookUrl(source));
    if (url === undefined) {
      const known = this.sources;
      const list = known.length > 0 ? `its sources: ${known.join(', ')}` : 'it has no webhook sources';
      throw new OutputsError(`stack ${this.stackName} has no source ${JSON.stringify(source)} (no output ${OutputKey.webhookUrl(source)} in ${this.file}); ${list}`);
    }
    return url;
  }

  /** ARN (or name) of the signing secret of `source`, when the stack exports it. */
  public secretArn(source: string): string | undefined {
    return this.get(OutputKey.secretArn(source));
  }

  /** Every consumer with a queue, in output order. */
  public get consumers(): readonly ConsumerQueues[] {
    return Object.keys(this.values).flatMap((key) => {
      const match = QUEUE_URL_KEY.exec(key);
      if (!match) return [];
      const name = match[1]!;
      const dlqUrl = this.get(OutputKey.dlqUrl(name));
      const deliveryDlqUrl = this.get(OutputKey.deliveryDlqUrl(name));
      return [
        {
          key: name,
          name: kebab(name),
          queueUrl: this.values[key]!,
          ...(dlqUrl !== undefined ? { dlqUrl } : {}),
          ...(deliveryDlqUrl !== undefined ? { deliveryDlqUrl } : {}),
        },
      ];
    });
  }
}

/**
 * Reads an outputs file in the `cdk deploy --outputs-file` format
 * (`{ "<StackName>": { "<OutputKey>": "<value>" } }`) — written by a deploy or by
 * `hookbridge local` — and picks one stack: the only one, or `stack`.
 * @see https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-deploy.html (--outputs-file)
 * @throws OutputsError when the file is missing or malformed, or the stack cannot be chosen
 */
export function readOutputsFile(file: string, stack?: string): StackOutputs {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new OutputsError(`no outputs file at ${file}; start \`hookbridge local\` (it writes one), deploy with \`cdk deploy --outputs-file ${file}\`, or pass --outputs-file`, { cause: error });
    }
    throw new OutputsError(`cannot read the outputs file ${file} (${(error as Error).message}); fix its permissions or pass --outputs-file`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OutputsError(`the outputs file ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); regenerate it with \`cdk deploy --outputs-file\` or \`hookbridge local\``, { cause: error });
  }
  if (!isRecord(parsed) || !Object.values(parsed).every(isStringRecord)) {
    throw new OutputsError(`the outputs file ${file} is not in the \`cdk deploy --outputs-file\` format ({"<Stack>": {"<Key>": "<value>"}}); regenerate it`);
  }
  const stacks = Object.keys(parsed);
  if (stacks.length === 0) {
    throw new OutputsError(`the outputs file ${file} holds no stack; deploy (or start \`hookbridge local\`) again`);
  }
  if (stack !== undefined) {
    if (!Object.hasOwn(parsed, stack)) {
      throw new OutputsError(`no stack ${JSON.stringify(stack)} in ${file} (it holds ${stacks.join(', ')}); pass one of those to --stack`);
    }
    return new StackOutputs(stack, parsed[stack] as Record<string, string>, file);
  }
  if (stacks.length > 1) {
    throw new OutputsError(`${file} holds several stacks (${stacks.join(', ')}); pass --stack ${stacks[0]} (or another) to choose`);
  }
  return new StackOutputs(stacks[0]!, parsed[stacks[0]!] as Record<string, string>, file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

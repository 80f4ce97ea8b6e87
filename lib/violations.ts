import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InvalidPropsError } from './errors.js';

/**
 * Collects props violations of one construct so that all of them are reported at once.
 *
 * Values that are unresolved tokens are skipped: they are only known at deploy time.
 */
export class Violations {
  private readonly messages: string[] = [];

  /** Record `message` unless `ok`. */
  public check(ok: boolean, message: string): void {
    if (!ok) this.messages.push(message);
  }

  /** `prop` must be an integer in `[min, max]` when given. */
  public range(prop: string, value: number | undefined, min: number, max: number, unit = ''): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    const suffix = unit ? ` ${unit}` : '';
    if (!Number.isInteger(value)) {
      this.messages.push(`${prop} must be an integer (given ${value})`);
      return;
    }
    this.check(value >= min && value <= max, `${prop} must be between ${min} and ${max}${suffix} (given ${value})`);
  }

  /** `prop` must match `pattern` when given. */
  public pattern(prop: string, value: string | undefined, pattern: RegExp, rule: string): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    this.check(pattern.test(value), `${prop} must be ${rule} (given ${JSON.stringify(value)})`);
  }

  /** At most one of the named props may be set. */
  public exclusive(props: Record<string, unknown>): void {
    const given = Object.entries(props)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    this.check(given.length <= 1, `only one of ${Object.keys(props).join(', ')} may be set (given ${given.join(', ')})`);
  }

  /** Throw one {@link InvalidPropsError} listing every violation, if any. */
  public throwIfAny(scope: IConstruct): void {
    if (this.messages.length > 0) throw new InvalidPropsError(scope.node.path, this.messages);
  }
}

import { relative } from 'node:path';
import { isAssemblyFresh, synthesize } from '../runtime/synthesize.js';
import { loadCloudAssembly } from '../template/loadCloudAssembly.js';
import { stackSettings, type StackSettings } from './stackSettings.js';

/** Where the configured stack is: the same settings `hookbridge local` synthesizes and reads. */
export interface StackLocation {
  /** Directory the app runs in (holds cdk.json). */
  readonly cwd: string;
  /** The CDK app command (`--app`, else `app` of cdk.json). */
  readonly app?: string;
  /** A cloud assembly to read as is (`--cdk-out`). */
  readonly cdkOut?: string;
  /** Where `app` is synthesized to, shared with `hookbridge local` (`.hookbridge/cdk.out`). */
  readonly synthOut: string;
  /** The stack, when the assembly holds several (`--stack`). */
  readonly stack?: string;
}

/** The configured stack's settings, or why there are none. */
export type StackReading =
  | { readonly ok: true; readonly stackName: string; readonly templatePath: string; readonly settings: StackSettings }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads the cost settings of the configured stack: synthesizes the app as `hookbridge local` does
 * (or reuses a fresh `.hookbridge/cdk.out`, or the `--cdk-out` given), loads the stack's template
 * and derives the settings from it ({@link stackSettings}). Never throws: a missing app, a failed
 * synthesis or an unreadable assembly comes back as one line in `reason`.
 *
 * @param progress - told before a synthesis starts, which takes a while
 */
export async function readConfiguredStack(location: StackLocation, progress: (line: string) => void = () => {}): Promise<StackReading> {
  try {
    if (location.cdkOut === undefined && location.app !== undefined && !isAssemblyFresh(location.synthOut, location.cwd)) {
      progress(`synthesizing ${location.app} into ${relative(location.cwd, location.synthOut) || '.'} to read the configured stack ...`);
    }
    const { cdkOut } = await synthesize(location);
    const stack = loadCloudAssembly(cdkOut, location.stack);
    return { ok: true, stackName: stack.stackName, templatePath: stack.templatePath, settings: stackSettings(stack.template) };
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

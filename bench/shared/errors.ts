/** `hookbridge local` exited or stayed silent before its ready line, or its ready files are incomplete. */
export class RuntimeStartError extends Error {
  /** The last lines the runtime printed (also appended to the message). */
  public readonly lastLines: string;

  public constructor(problem: string, lastLines: string) {
    super(`hookbridge local did not start: ${problem}; see the runtime log. Last lines:\n${lastLines}`);
    this.name = 'RuntimeStartError';
    this.lastLines = lastLines;
  }
}

/** `cdk synth` of an app failed or ran out of time. */
export class SynthError extends Error {
  /** The app command that was synthesized. */
  public readonly app: string;
  /** The end of what `cdk synth` printed (also appended to the message). */
  public readonly output: string;

  public constructor(app: string, problem: string, output: string) {
    super(`cdk synth --app "${app}" ${problem}; fix the app or its handlers. Output:\n${output}`);
    this.name = 'SynthError';
    this.app = app;
    this.output = output;
  }
}

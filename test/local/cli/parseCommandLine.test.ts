import { describe, expect, it } from 'vitest';
import { closestName } from '../../../local/cli/closestName.js';
import { sendCommand } from '../../../local/cli/commands/sendCommand.js';
import { statusCommand } from '../../../local/cli/commands/statusCommand.js';
import { parseCommandLine } from '../../../local/cli/parseCommandLine.js';

describe('parseCommandLine', () => {
  it('reads positionals, string flags (spaced or inline) and boolean flags', () => {
    expect(parseCommandLine(sendCommand, ['stripe', '--type', 'charge.failed', '--url=http://x/'])).toEqual({
      args: ['stripe'],
      flags: { type: 'charge.failed', url: 'http://x/' },
      help: false,
    });
    expect(parseCommandLine(statusCommand, ['--json']).flags).toEqual({ json: true });
  });

  it('accepts --help without the required arguments', () => {
    expect(parseCommandLine(sendCommand, ['--help']).help).toBe(true);
  });

  it('fails if a string flag has no value', () => {
    expect(() => parseCommandLine(sendCommand, ['stripe', '--type'])).toThrow('flag --type needs a value (--type TYPE)');
    expect(() => parseCommandLine(sendCommand, ['stripe', '--type', '--file', 'x.json'])).toThrow('flag --type needs a value (--type TYPE)');
  });

  it('fails if a boolean flag is given a value', () => {
    expect(() => parseCommandLine(statusCommand, ['--json=yes'])).toThrow('flag --json takes no value (given --json=yes)');
  });

  it('fails if the source is missing or an argument is extra', () => {
    expect(() => parseCommandLine(sendCommand, [])).toThrow('send needs <source> (hookbridge send <source> [flags])');
    expect(() => parseCommandLine(statusCommand, ['now'])).toThrow('status takes no arguments, given extra argument "now" (hookbridge status [flags])');
  });

  it('fails if a flag is unknown, without a suggestion when nothing is close', () => {
    expect(() => parseCommandLine(statusCommand, ['--verbose'])).toThrow('unknown flag --verbose (see `hookbridge status --help`)');
  });
});

describe('closestName', () => {
  it('suggests a name within two edits, transpositions included', () => {
    expect(closestName('prot', ['port', 'host'])).toBe('port');
    expect(closestName('outputs-fille', ['outputs-file', 'stack'])).toBe('outputs-file');
    expect(closestName('zzz', ['port', 'host'])).toBeUndefined();
  });
});

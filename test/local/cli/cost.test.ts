import { describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/cli/runCli.js';

describe('hookbridge cost', () => {
  it('prints the whole stack line by line per million webhooks, and the like-for-like comparison', async () => {
    const run = await runBin(['cost', '--events', '2000000', '--consumers', '3']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2.00M webhooks/month');
    expect(run.stdout).toMatch(/^total: \$[\d.,]+ per month = \$[\d.]+ per million webhooks/m);
    expect(run.stdout).toContain('Like for like');
    expect(run.stdout).toContain('Hookdeck best published tier');
  });

  it('fails if a number flag is not a number, in one line (exit 2)', async () => {
    const run = await runBin(['cost', '--events', 'lots']);

    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^hookbridge: .*--events.*lots/);
  });
});

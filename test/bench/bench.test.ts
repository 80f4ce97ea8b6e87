import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Quick mode must stay under a minute; twice that bounds a slow shared CI machine. */
const RUN_TIMEOUT_MS = 300_000;

interface Results {
  mode: string;
  sections: {
    name: string;
    skipped?: string;
    figures: { id: string; value: number; unit: string; baseline: { name: string; value: number }; ratio: number; target: unknown; met: boolean | null }[];
  }[];
  summary: { targets: number; met: number; missed: string[] };
}

async function runQuick(out: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('npm run bench -- --quick', () => {
  let dir: string;
  let run: { code: number | null; output: string };
  let results: Results;

  beforeAll(async () => {
    // GIVEN a temporary results file  WHEN the quick bench runs as CI runs it
    dir = await mkdtemp(path.join(tmpdir(), 'hookbridge-bench-test-'));
    const out = path.join(dir, 'results.json');
    run = await runQuick(out);
    if (run.code === 0) results = JSON.parse(await readFile(out, 'utf8')) as Results;
  }, RUN_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 (a missed target is not a failure, a crash is)', () => {
    expect(run.code, run.output.slice(-3000)).toBe(0);
  });

  it('writes every section, none of them skipped', () => {
    expect(results.mode).toBe('quick');
    expect(results.sections.map((s) => s.name)).toEqual(['verifier hot path', 'bundles', 'journal (local runtime state)', 'local end-to-end']);
    expect(results.sections.filter((s) => s.skipped).map((s) => s.name)).toEqual([]);
  });

  it('gives every section that ran its figures as finite numbers with a baseline and a ratio', () => {
    for (const section of results.sections.filter((s) => !s.skipped)) {
      expect(section.figures.length, section.name).toBeGreaterThan(0);
      for (const f of section.figures) {
        expect(Number.isFinite(f.value) && Number.isFinite(f.baseline.value) && Number.isFinite(f.ratio), f.id).toBe(true);
        expect(f.baseline.value, f.id).toBeGreaterThan(0);
        expect(f.ratio, f.id).toBeCloseTo(f.value / f.baseline.value, 9);
        expect(f.met === null ? f.target : typeof f.met, f.id).toBe(f.met === null ? null : 'boolean');
      }
    }
  });

  it('measures every scheme at both sizes against the floor, and every bundle of the default app', () => {
    const ids = new Set(results.sections.flatMap((s) => s.figures.map((f) => f.id)));
    for (const scheme of ['github', 'stripe', 'slack', 'shopify', 'standard', 'twilio', 'generic']) {
      for (const size of ['2KiB', '200KiB']) expect(ids.has(`verifier.${scheme}.${size}.hookbridge`), `${scheme} ${size}`).toBe(true);
    }
    for (const fn of ['verifier', 'notFound', 'auditLog', 'crmSync', 'fraudCheck', 'fulfillmentPrep', 'financePosting']) {
      expect(ids.has(`bundles.${fn}.cold`) && ids.has(`bundles.${fn}.size`) && ids.has(`bundles.${fn}.size-external`), fn).toBe(true);
    }
    expect(results.summary.targets).toBe(results.summary.met + results.summary.missed.length);
  });

  it('measures the local runtime end to end beside its same-run baselines', () => {
    const local = results.sections.find((s) => s.name === 'local end-to-end');
    expect(local?.figures.length).toBeGreaterThanOrEqual(4);
    for (const f of local!.figures) expect(f.value, f.id).toBeGreaterThan(0);
  });
});

#!/usr/bin/env node
// Standalone: `npx tsx bench/local-e2e/run.ts [--quick]` prints the local end-to-end figures.
import { runLocalE2eReport } from './index.js';

const report = await runLocalE2eReport({ quick: process.argv.includes('--quick') });
for (const f of report.figures) {
  const target = f.target ? ` target ${f.target.text}: ${f.met ? 'met' : 'MISSED'}` : '';
  console.log(`${f.label.padEnd(62)} ${f.value.toFixed(1).padStart(9)} ${f.unit.padEnd(3)} = ${f.ratio.toFixed(3)}× ${f.baseline.name} (${f.baseline.value.toFixed(1)})${target}`);
}
for (const note of report.notes) console.log(`  ${note}`);
process.exit(0);

/**
 * `npm run deploy:localstack [-- --app "<cdk app command>"]`: deploys the app to a running
 * LocalStack with cdklocal and writes its outputs where the end-to-end suite reads them
 * (`E2E_TARGET=localstack E2E_OUTPUTS_FILE=.hookbridge/localstack-outputs.json npm test`).
 *
 * LocalStack needs Docker. Where it is not reachable this prints why and skips (exit 0), so the
 * command is safe to run anywhere; nothing else in hookbridge depends on it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const endpoint = process.env.LOCALSTACK_ENDPOINT ?? 'http://localhost:4566';
const { values } = parseArgs({
  options: { app: { type: 'string' }, 'outputs-file': { type: 'string', default: '.hookbridge/localstack-outputs.json' } },
});

async function reachable(): Promise<string | undefined> {
  try {
    const response = await fetch(`${endpoint}/_localstack/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? undefined : `LocalStack at ${endpoint} answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return `LocalStack is not reachable at ${endpoint} (${cause?.code ?? (error as Error).message})`;
  }
}

const problem = await reachable();
if (problem !== undefined) {
  console.log(`skipped: ${problem}. Start it with \`localstack start\` (needs Docker) or set LOCALSTACK_ENDPOINT.`);
  process.exit(0);
}

const outputsFile = resolve(values['outputs-file']!);
mkdirSync(dirname(outputsFile), { recursive: true });
const args = ['cdklocal', 'bootstrap'];
const common = values.app ? ['--app', values.app] : [];
for (const step of [
  [...args, ...common],
  ['cdklocal', 'deploy', '--all', '--require-approval', 'never', '--outputs-file', outputsFile, ...common],
]) {
  const run = spawnSync('npx', ['--no-install', ...step], { stdio: 'inherit', env: { ...process.env, AWS_ENDPOINT_URL: endpoint } });
  if (run.status !== 0) {
    console.error(`hookbridge: \`${step.join(' ')}\` failed (exit ${run.status}); see its output above`);
    process.exit(1);
  }
}
console.log(`outputs written to ${outputsFile}`);

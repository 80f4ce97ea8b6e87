#!/usr/bin/env node
// The `hookbridge` bin: registers tsx so the CLI and the local runtime run from their TypeScript
// sources without a build step, then hands the arguments to main.ts. Keep this file tiny: all
// logic, and all error handling, is in main.ts.
import { register } from 'tsx/esm/api';

// The AWS SDK warns once per process that its 2027 releases will need Node 22; on a CLI whose
// contract is one line per problem that multi-line notice is noise. An explicit setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
const { run } = await import('./main.ts');
await run(process.argv.slice(2));

#!/usr/bin/env node
// The `vectis` binary.
import { runCli } from './program';

// `vectis report | head`: a closed pipe is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2));

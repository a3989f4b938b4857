#!/usr/bin/env node
// @ts-check
// The `proactive` command: runs the prebuilt bundle (dist/proactive.js), building it first when it is
// missing or older than the package's sources (see build.js).
import { pathToFileURL } from 'node:url';
import { buildCli, bundlePath, staleReason } from './build.js';

const reason = staleReason();
if (reason) {
  process.stderr.write(`proactive: the CLI bundle is ${reason}; building ${bundlePath} ...\n`);
  try {
    await buildCli();
  } catch (error) {
    const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ERR_MODULE_NOT_FOUND';
    const why = missing ? 'esbuild is not installed (a development dependency)' : String(error);
    if (reason === 'not built yet') {
      process.stderr.write(
        `proactive: cannot build the CLI: ${why}.\nRun "npm ci" (or "npm run build:cli") in the project first.\n`,
      );
      process.exit(2);
    }
    process.stderr.write(`proactive: cannot rebuild the CLI (${why}); running the previous build.\n`);
  }
}
const { main } = await import(pathToFileURL(bundlePath).href);
main();

#!/usr/bin/env node
// Launcher for the `proactive` CLI: registers tsx so Node can run the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../tools/cli.ts');
main();

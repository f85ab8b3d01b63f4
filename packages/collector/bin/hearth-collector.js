#!/usr/bin/env node
// The collector ships as TypeScript source; tsx's loader runs it in this same process, so
// signals (SIGTERM for graceful shutdown, SIGKILL in the crash test) reach the server directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

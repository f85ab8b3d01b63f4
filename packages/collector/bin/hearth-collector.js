#!/usr/bin/env node
// The bin inside this workspace: it runs the TypeScript source through tsx's loader in this same
// process, so signals (SIGTERM for graceful shutdown, SIGKILL in the crash test) reach the server
// directly. The published package's bin is the compiled dist/cli.js (publishConfig.bin).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

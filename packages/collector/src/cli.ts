#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { envSettings } from './config.js';
import { startCollector } from './server.js';
import { openStore } from './storage/open-store.js';

const USAGE = `Usage: hearth-collector <command> [options]

Commands:
  start     serve the collector
  migrate   apply database migrations and exit

Options:
  --config <path>   configuration file (env HEARTH_CONFIG, default hearth.config.json)
  --port <n>        port (env PORT, default 8787; 0 picks a free one)
  --host <name>     interface (env HOST, default 127.0.0.1)
  --sqlite <path>   embedded store file (env HEARTH_SQLITE_FILE, default .hearth/hearth.sqlite)
  --widget-dir <d>  folder served at /sdk/* (default: the widget package's dist)
PostgreSQL is used when DATABASE_URL is set.`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      sqlite: { type: 'string' },
      'widget-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const env = envSettings();
  if (command === 'migrate') {
    const store = await openStore(
      env.databaseUrl ? { databaseUrl: env.databaseUrl } : { sqliteFile: values.sqlite ?? env.sqliteFile ?? '.hearth/hearth.sqlite' },
    );
    await store.close();
    console.log(`hearth-collector: ${store.kind} migrations are up to date`);
    return;
  }
  if (command !== 'start') throw new Error(`Unknown command "${command}".\n\n${USAGE}`);

  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new Error(`--port: expected a port number, got "${values.port}"`);
  }
  const collector = await startCollector({
    ...(values.config ? { configPath: values.config } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values.sqlite ? { sqliteFile: values.sqlite } : {}),
    ...(values['widget-dir'] ? { widgetDir: values['widget-dir'] } : {}),
  });
  console.log(`hearth-collector listening on ${collector.url} (${collector.store.kind} store)`);
  const shutdown = (signal: string) => {
    console.log(`hearth-collector: ${signal} received, draining…`);
    // close() drains for at most 10 s, then cancels running queries; should anything still hang,
    // the process ends anyway, so a supervisor's restart is never held up.
    setTimeout(() => {
      console.error('hearth-collector: shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Drain (10 s) plus time to cancel queries and close the store. */
const SHUTDOWN_DEADLINE_MS = 13_000;

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Entry point: configuration, then the app, then signals (the Bot Framework samples' index.ts).
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { createApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // A failed request or a library bug must never take the service down: log and carry on.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

  const app = await createApp(config, { logger });
  const url = await app.listen();
  // In English like the log and the settings problems: the operator who starts the service reads it, no user or official does.
  console.log(`huibot started: ${url}  (web chat: ${url}/ , Bot Framework: ${url}/api/messages)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('huibot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

// `npm run chat`: talk to the same bot in the terminal (same database, dialogs and knowledge).
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import readline from 'node:readline';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { createApp } from '../../app';
import { TERMINAL_TEXT } from './copy';
import { TerminalAdapter } from './terminalAdapter';

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const app = await createApp(config, { logger: createLogger(config.LOG_LEVEL) });
  const adapter = new TerminalAdapter((text) => process.stdout.write(text));
  adapter.onTurnError = app.runtime.onTurnError;
  app.services.proactive.registerChannel('terminal', adapter);

  process.stdout.write(TERMINAL_TEXT.banner);
  await adapter.receive(TERMINAL_TEXT.opening, (context) => app.runtime.bot.run(context));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: TERMINAL_TEXT.userPrompt });
  rl.prompt();
  for await (const line of rl) {
    if (['exit', 'quit'].includes(line.trim().toLowerCase())) break;
    await adapter.receive(line, (context) => app.runtime.bot.run(context));
    rl.prompt();
  }
  rl.close();
  await app.close();
}

main().catch((err) => {
  console.error('terminal chat failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});

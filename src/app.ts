import { ConversationState, UserState, type CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { createLogger } from './logger';
import { Database } from './storage/database';
import { migrate } from './storage/migrate';
import { SqliteStorage } from './storage/sqliteStorage';
import { ConversationReferenceStore } from './storage/conversationReferences';
import { ProactiveService } from './delivery/proactive';
import { DeliveryService } from './delivery';
import type { WorkerOptions } from './delivery/worker';
import { adapterLane } from './delivery/adapterLane';
import { Scheduler } from './scheduler';
import { HuiBot } from './bot/huiBot';
import { createTurnErrorHandler } from './bot/turnError';
import { MAIN_INTENTS, MainDialog } from '../dialogs/mainDialog';
import { checkIntentRoutes } from './features/routing';
import { getKnowledge } from './knowledge/loader';
import { createRecognizer } from './nlu';
import type { Recognizer } from './nlu/types';
import { featureFactories } from './features';
import type { BotRuntime, Feature, FeatureFactory, Services } from './contracts/feature';
import { createCloudAdapter, registerBotFrameworkEndpoint } from './channels/botframework';
import { createHttpServer, httpHardening } from './server';
import { VERSION } from './version';
import { personalData, RETENTION_EVERY_SECONDS } from './privacy';

export interface AppOptions {
  logger?: Logger;
  recognizer?: Recognizer;
  features?: FeatureFactory[];
  /** delivery worker options (tests: clock, no gaps, short back-off) */
  delivery?: WorkerOptions;
  /** the knowledge directory whose nlu/intents.yaml declares the intents (default: knowledge/) */
  knowledgeDir?: string;
}

export interface App {
  services: Services;
  runtime: BotRuntime;
  features: Feature[];
  cloudAdapter: CloudAdapter;
  server: Server;
  /** Starts listening and starts the features; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Graceful stop: no new requests, turns in flight finish, features stop, database closes. */
  close(): Promise<void>;
}

/** Builds the whole bot (services, features, dialogs, adapters, HTTP routes) without listening. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const startedAt = Date.now();

  const db = await Database.open(config.DB_PATH, logger);
  await migrate(db, logger);
  const storage = new SqliteStorage(db);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const references = new ConversationReferenceStore(db);
  const proactive = new ProactiveService(references, logger);
  // knowledge/nlu/intents.yaml declares the intents: what serves each, its statistics topic.
  const intents = getKnowledge(options.knowledgeDir).intents;
  const recognizer = options.recognizer ?? (await createRecognizer({ knowledgeDir: options.knowledgeDir }));
  // Everything the bot sends on its own goes through one outbox and worker; every periodic task through one scheduler.
  const delivery = new DeliveryService(db, logger, options.delivery);
  const scheduler = new Scheduler(logger.child({ module: 'scheduler' }));
  delivery.registerLane(adapterLane(proactive));
  delivery.schedule(scheduler);

  const services: Services = {
    config,
    logger,
    db,
    conversationState,
    userState,
    proactive,
    delivery,
    scheduler,
    recognizer,
    intents,
    registry: new Map(),
  };
  const features: Feature[] = [];
  for (const factory of options.features ?? featureFactories) features.push(await factory(services));
  try {
    // Every declared intent has a route and every route's intent is declared (else: no start).
    checkIntentRoutes(intents, features, MAIN_INTENTS, { complete: options.features === undefined });
  } catch (err) {
    for (const feature of [...features].reverse()) await feature.stop?.().catch(() => undefined);
    await db.close();
    throw err;
  }

  const recognitionObservers = features.flatMap((f) => (f.observeRecognition ? [f.observeRecognition.bind(f)] : []));
  const mainDialog = new MainDialog(recognizer, features.flatMap((f) => f.routes ?? []), recognitionObservers);
  const turnObservers = features.flatMap((f) => (f.observeTurn ? [f.observeTurn.bind(f)] : []));
  const bot = new HuiBot(conversationState, userState, mainDialog, references, logger, turnObservers);
  const onTurnError = createTurnErrorHandler(conversationState, logger);
  const runtime: BotRuntime = { bot, onTurnError };

  const cloudAdapter = createCloudAdapter(config);
  cloudAdapter.onTurnError = onTurnError;
  proactive.registerChannel('*', {
    continueConversation: (reference, logic) => cloudAdapter.continueConversationAsync(config.MicrosoftAppId, reference, logic),
  });

  const server = createHttpServer(logger, httpHardening(config));
  if (config.BOTFRAMEWORK_ENABLED) registerBotFrameworkEndpoint(server, { config, adapter: cloudAdapter, run: (context) => bot.run(context) });
  server.get('/healthz', async (_req, res) => {
    try {
      await db.get('SELECT 1 AS ok');
      res.send(200, { status: 'ok', database: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.send(503, { status: 'error', database: 'unreachable', version: VERSION });
    }
  });
  for (const feature of features) feature.registerRoutes?.(server, runtime);

  let closing: Promise<void> | undefined;
  scheduler.every('state.purge', 3600, async () => {
    const count = await storage.purgeConversationState(config.CONVERSATION_STATE_DAYS);
    if (count) logger.info({ count }, 'stale conversation state purged');
  });
  scheduler.every('privacy.retention', RETENTION_EVERY_SECONDS, async () => {
    const report = await personalData(services).retention.run();
    if (Object.values(report).some(Boolean)) logger.info(report, 'personal data past its retention period deleted');
  });
  return {
    services,
    runtime,
    features,
    cloudAdapter,
    server,
    async listen(port = config.PORT, host = config.HOST) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address();
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
      for (const feature of features) await feature.start?.(runtime);
      // Lanes are registered by now: settle what a crash left in flight, then deliver and schedule.
      await delivery.start();
      scheduler.start();
      logger.info({ url, version: VERSION }, 'huibot listening');
      return url;
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          if (!server.server.listening) return resolve();
          // Keep-alive sockets would hold close() open until they time out: drop each one as soon as
          // it is idle, while requests in flight still finish.
          const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
          server.close(() => {
            clearInterval(sweep);
            resolve();
          });
          server.server.closeIdleConnections();
        });
        await bot.whenIdle();
        await scheduler.stop();
        await delivery.stop();
        for (const feature of [...features].reverse()) {
          try {
            await feature.stop?.();
          } catch (err) {
            logger.warn({ err, feature: feature.name }, 'feature did not stop cleanly');
          }
        }
        await db.close();
      })();
      return closing;
    },
  };
}

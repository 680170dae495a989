import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { createLogger } from './logger';
import { openDatabase } from './storage/database';
import { migrate } from './storage/migrate';
import { SqliteStorage } from './storage/sqliteStorage';
import { ScheduledRuns } from './storage/scheduledRuns';
import { ConversationReferenceStore } from './storage/conversationReferences';
import { ProactiveService } from './delivery/proactive';
import { DeliveryService } from './delivery';
import type { WorkerOptions } from './delivery/worker';
import { adapterLane } from './delivery/adapterLane';
import { Scheduler } from './scheduler';
import { HuiBot } from './bot/huiBot';
import { createTurnErrorHandler } from './bot/turnError';
import { TurnConversationState, TurnUserState } from './bot/state';
import { shareDialogsComponentRegistration } from './bot/dialogRegistration';
import { LAST_ASKED_PROPERTY, MAIN_INTENTS, MainDialog, type LastAsked } from '../dialogs/mainDialog';
import { checkIntentRoutes } from './features/routing';
import { getKnowledge } from './knowledge/loader';
import { createRecognizer } from './nlu';
import type { Recognizer } from './nlu/types';
import { createBotFeatures, type BotFeatures } from './features';
import type { BotRuntime, Feature, FeatureFactory, FeatureSet, Services } from './contracts/feature';
import { createCloudAdapter, registerBotFrameworkEndpoint } from './channels/botframework';
import { createHttpServer, httpHardening } from './server';
import { VERSION } from './version';
import { PersonalData, RETENTION_EVERY_SECONDS } from './privacy';

/** Builds a set of features; one that takes another's service is built after it. */
export type FeatureComposer<S extends FeatureSet> = (services: Services) => S | Promise<S>;

export interface AppOptions<S extends FeatureSet = FeatureSet> {
  logger?: Logger;
  recognizer?: Recognizer;
  /**
   * The features to run instead of the bot's own (tests, benchmarks): factories of features that take
   * no other feature's service, or a composer passing services between them (e.g. `createBotFeatures`
   * with options, or `async (s) => { const activities = await activitiesFeature(s); ... }`).
   */
  features?: FeatureFactory[] | FeatureComposer<S>;
  /** delivery worker options (tests: clock, no gaps, short back-off) */
  delivery?: WorkerOptions;
  /** the knowledge directory whose nlu/intents.yaml declares the intents (default: knowledge/) */
  knowledgeDir?: string;
}

export interface App<S extends FeatureSet = FeatureSet> {
  services: Services;
  runtime: BotRuntime;
  /** The running features by name, with the services they offer (e.g. `app.features.admin.module`). */
  features: S;
  cloudAdapter: CloudAdapter;
  server: Server;
  /** Starts listening and starts the features; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Graceful stop: no new requests, turns in flight finish, features stop, database closes. */
  close(): Promise<void>;
}

/** Builds the whole bot (services, features, dialogs, adapters, HTTP routes) without listening. */
export function createApp(config: AppConfig, options?: AppOptions & { features?: undefined }): Promise<App<BotFeatures>>;
export function createApp<S extends FeatureSet>(config: AppConfig, options: AppOptions<S> & { features: FeatureComposer<S> }): Promise<App<S>>;
export function createApp(config: AppConfig, options?: AppOptions): Promise<App>;
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const startedAt = Date.now();

  const db = await openDatabase(config, logger);
  await migrate(db, logger);
  const storage = new SqliteStorage(db);
  // botbuilder's states with a cheaper change check (see src/bot/state.ts).
  const conversationState = new TurnConversationState(storage);
  const userState = new TurnUserState(storage);
  shareDialogsComponentRegistration();
  const references = new ConversationReferenceStore(db);
  const proactive = new ProactiveService(references, logger);
  // knowledge/nlu/intents.yaml declares the intents: what serves each, its statistics topic.
  const intents = getKnowledge(options.knowledgeDir).intents;
  const recognizer = options.recognizer ?? (await createRecognizer({ knowledgeDir: options.knowledgeDir }));
  // Everything the bot sends on its own goes through one outbox and worker; every periodic task through one scheduler.
  // Which process this is, when several serve one database (/healthz, delivery claims, job periods).
  const instance = config.INSTANCE_ID || randomUUID().slice(0, 8);
  const delivery = new DeliveryService(db, logger, { instanceId: instance, ...options.delivery });
  // On PostgreSQL several instances may share the database: each periodic job runs once per period.
  const runs = db.engine === 'postgres' ? new ScheduledRuns(db, instance) : undefined;
  const scheduler = new Scheduler(logger.child({ module: 'scheduler' }), { claimPeriod: runs && ((name, period) => runs.claim(name, period)) });
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
    privacy: new PersonalData(db, config),
  };
  const featureSet = await buildFeatures(services, options.features);
  const features = Object.values(featureSet);
  try {
    // Every declared intent has a route and every route's intent is declared (else: no start).
    checkIntentRoutes(intents, features, MAIN_INTENTS, { complete: options.features === undefined });
  } catch (err) {
    for (const feature of [...features].reverse()) await feature.stop?.().catch(() => undefined);
    await db.close();
    throw err;
  }

  const recognitionObservers = features.flatMap((f) => (f.observeRecognition ? [f.observeRecognition.bind(f)] : []));
  const mainDialog = new MainDialog(
    recognizer,
    features.flatMap((f) => f.routes ?? []),
    recognitionObservers,
    conversationState.createProperty<LastAsked | undefined>(LAST_ASKED_PROPERTY),
    undefined,
    features.find((f) => f.knownFacts)?.knownFacts,
  );
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
      res.send(200, { status: 'ok', database: 'ok', engine: db.engine, instance, version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.send(503, { status: 'error', database: 'unreachable', engine: db.engine, instance, version: VERSION });
    }
  });
  for (const feature of features) feature.registerRoutes?.(server, runtime);

  let closing: Promise<void> | undefined;
  scheduler.every('state.purge', 3600, async () => {
    const count = await storage.purgeConversationState(config.CONVERSATION_STATE_DAYS);
    if (count) logger.info({ count }, 'stale conversation state purged');
  });
  scheduler.every('privacy.retention', RETENTION_EVERY_SECONDS, async () => {
    const report = await services.privacy.retention.run();
    if (Object.values(report).some(Boolean)) logger.info(report, 'personal data past its retention period deleted');
  });
  return {
    services,
    runtime,
    features: featureSet,
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

/** The features by name: the bot's own set, or the list or composer a test passed. */
async function buildFeatures(services: Services, chosen: AppOptions['features']): Promise<FeatureSet> {
  if (chosen === undefined) return createBotFeatures(services);
  if (typeof chosen === 'function') return chosen(services);
  const byName = new Map<string, Feature>();
  for (const factory of chosen) {
    const feature = await factory(services);
    if (byName.has(feature.name)) throw new Error(`two features are named "${feature.name}"`);
    byName.set(feature.name, feature);
  }
  return Object.fromEntries(byName);
}

import type { Dialog } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { ConversationState, UserState } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { ProactiveService } from '../delivery/proactive';
import type { DeliveryService } from '../delivery';
import type { Scheduler } from '../scheduler';
import type { PersonalData } from '../privacy';
import type { Recognition, Recognizer } from '../nlu/types';
import type { StatedFacts } from '../domain/enterprise';
import type { Intent } from '../domain/vocabulary';
import type { IntentsFile } from '../knowledge/schema';

/** Every intent intents.yaml declares, by name. */
export type IntentDeclarations = IntentsFile['intents'];
import type { TurnContext } from 'botbuilder';

/** Everything a feature may use; built once in src/app.ts. */
export interface Services {
  config: AppConfig;
  logger: Logger;
  db: Database;
  conversationState: ConversationState;
  userState: UserState;
  /** Low-level: speaks into a stored conversation through its channel's adapter (used by the delivery lanes). */
  proactive: ProactiveService;
  /** The one delivery pipeline for every message the bot sends on its own (queue + lanes per channel). */
  delivery: DeliveryService;
  /** The one scheduler for every periodic task. */
  scheduler: Scheduler;
  recognizer: Recognizer;
  /** The intents knowledge/nlu/intents.yaml declares (servedBy, topic, priority, phrases), by name. */
  intents: IntentDeclarations;
  /** Personal data with an end: retention, and erasure of what a person typed (channels caching history subscribe). */
  privacy: PersonalData;
}

/** What a channel needs of the bot: run one turn (HuiBot implements it). */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** The running bot, available once every feature's dialogs are in place. */
export interface BotRuntime {
  bot: TurnRunner;
  /** The shared onTurnError: channels set it on their adapters. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/** A dialog MainDialog starts when the recognizer returns one of `intents`. */
export interface DialogRoute {
  intents: Intent[];
  dialog: Dialog;
  /**
   * Takes a message before intent routing when it returns true (a conversation handed over to a
   * 服务专员 sends its replies to the ticket); the dialog then starts with `claimed: true`.
   */
  claims?(context: TurnContext): Promise<boolean>;
}

/**
 * One capability of the bot (Q&A, advisor, activities, a channel, the console...).
 * The contract every feature implements (this layer names no concrete feature or bot). A feature
 * that offers a service to others exposes it as a typed property of what its factory returns, and
 * one that uses another's takes it as a typed argument: src/features/index.ts builds them.
 */
export interface Feature {
  name: string;
  /** Dialogs routed from MainDialog by intent. */
  routes?: DialogRoute[];
  /**
   * Called at the start of every turn on every channel, before the dialogs run (e.g. a transcript
   * logger can record the incoming activity and attach `context.onSendActivities` for the replies).
   */
  observeTurn?(context: TurnContext): Promise<void> | void;
  /**
   * Called with the recognition of every new message, whatever flow it goes to (routed by MainDialog,
   * or typed at a form's prompt and served there), before that flow runs: the advisor keeps the facts
   * a user states about their enterprise. It must not throw (log instead).
   */
  observeRecognition?(context: TurnContext, recognition: Recognition): Promise<void>;
  /** What earlier turns told about the user's enterprise, as stated facts (a correction amends it). */
  knownFacts?(context: TurnContext): Promise<StatedFacts | undefined>;
  /** Extra HTTP routes on the shared restify server. */
  registerRoutes?(server: Server, runtime: BotRuntime): void;
  /** Called after the server listens (schedulers, channel logins). */
  start?(runtime: BotRuntime): Promise<void>;
  /** Called on shutdown, before the database closes. */
  stop?(): Promise<void>;
}

/** A feature that needs no other feature's service. */
export type FeatureFactory = (services: Services) => Feature | Promise<Feature>;

/**
 * Running features by name, listed in the order they were built (an argument exists before it is
 * passed): they start in that order and stop in reverse.
 */
export type FeatureSet = Readonly<Record<string, Feature>>;

import type { Dialog } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { ConversationState, UserState } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { ProactiveService } from '../bot/proactive';
import type { Intent, Recognizer } from '../nlu/types';
import type { HuiBot } from '../bot/huiBot';
import type { TurnContext } from 'botbuilder';

/** Everything a feature may use; built once in src/app.ts. */
export interface Services {
  config: AppConfig;
  logger: Logger;
  db: Database;
  conversationState: ConversationState;
  userState: UserState;
  proactive: ProactiveService;
  recognizer: Recognizer;
  /** Shared registry so features can find each other's services by name (e.g. 'activities'). */
  registry: Map<string, unknown>;
}

/** The running bot, available once every feature's dialogs are in place. */
export interface BotRuntime {
  bot: HuiBot;
  /** The shared onTurnError: channels set it on their adapters. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/** A dialog MainDialog starts when the recognizer returns one of `intents`. */
export interface DialogRoute {
  intents: Intent[];
  dialog: Dialog;
}

/**
 * One capability of the bot (Q&A, advisor, activities, a channel, the console...).
 * Features are listed in src/features/index.ts and wired by src/app.ts.
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
  /** Extra HTTP routes on the shared restify server. */
  registerRoutes?(server: Server, runtime: BotRuntime): void;
  /** Called after the server listens (schedulers, channel logins). */
  start?(runtime: BotRuntime): Promise<void>;
  /** Called on shutdown, before the database closes. */
  stop?(): Promise<void>;
}

export type FeatureFactory = (services: Services) => Feature | Promise<Feature>;

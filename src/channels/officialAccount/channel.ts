import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { ProactiveChannel } from '../../delivery/proactive';
import type { BotRuntime } from '../../contracts/feature';
import type { ConversationReferenceStore } from '../../storage/conversationReferences';
import type { Database } from '../../storage/database';
import type { DeliveryService } from '../../delivery';
import { MenuStore } from '../wechat/menuStore';
import { AccessTokenCache } from './accessToken';
import { OfficialAccountAdapter } from './adapter';
import { OfficialAccountClient } from './client';
import { MessageCrypto } from './crypto';
import { registerOfficialAccountRoutes } from './endpoint';
import { FollowerStore } from './followers';
import { OA_CHANNEL_ID, oaMenuKey } from './ids';
import { InboundHandler, type InboundOutcome } from './inbound';
import { loadAccountMenu } from './menuFile';
import { DeliveryError, describeOutcome, isRetryable, type DeliveryOutcome } from './outcome';
import type { PushKeys } from './push';
import { OfficialAccountSender } from './sender';
import type { OfficialAccountSettings } from './settings';
import type { InboundMessage } from './xml';

/**
 * Longest single message we send. A passive reply may be 2048 bytes; Chinese text is 3 bytes a
 * character in UTF-8, so 600 characters leave room for the XML around it.
 */
export const OA_MAX_MESSAGE_CHARS = 600;

export interface OfficialAccountChannelOptions {
  settings: OfficialAccountSettings;
  db: Database;
  logger: Logger;
  references: ConversationReferenceStore;
  /** The delivery pipeline: replies that could not go out at once (rate limit, WeChat unreachable) are queued there. */
  delivery?: DeliveryService;
  /** Who may get a template message outside the 48-hour window (subscribers to notifications). */
  mayUseTemplate?: (openId: string) => Promise<boolean>;
  menuFile?: string;
  passiveReplyMs?: number;
  backoffMs?: number;
  maxChars?: number;
  now?: () => number;
  fetch?: typeof fetch;
  onPushHandled?: (message: InboundMessage, outcome: InboundOutcome) => void;
}

/** What the console (and /admin status) may show about the channel. */
export interface OfficialAccountStatus {
  enabled: true;
  path: string;
  mode: 'safe' | 'plaintext';
  templateMessages: boolean;
  /** proactive deliveries since start, by outcome */
  deliveries: { accepted: number; refused: number; unknown: number };
  lastProblem?: string;
  lastProblemAt?: string;
}

/**
 * The WeChat Official Account (服务号) channel: the server endpoint, the bot adapter, the API
 * client with its token cache, and the sender of proactive messages.
 */
export class OfficialAccountChannel {
  readonly client: OfficialAccountClient;
  readonly tokens: AccessTokenCache;
  readonly followers: FollowerStore;
  readonly sender: OfficialAccountSender;
  readonly adapter: OfficialAccountAdapter;
  readonly menus: MenuStore;
  private readonly handler: InboundHandler;
  private readonly keys: PushKeys;
  private readonly maxChars: number;
  private readonly status: OfficialAccountStatus;

  constructor(private readonly options: OfficialAccountChannelOptions) {
    const { settings, db, logger } = options;
    const now = options.now ?? Date.now;
    this.maxChars = options.maxChars ?? OA_MAX_MESSAGE_CHARS;
    this.keys = { token: settings.token, crypto: settings.aesKey ? new MessageCrypto(settings.aesKey, settings.appId) : undefined };
    this.client = new OfficialAccountClient({ apiBase: settings.apiBase, appId: settings.appId, appSecret: settings.appSecret, fetch: options.fetch });
    this.tokens = new AccessTokenCache({ db, appId: settings.appId, now, fetchToken: (force) => this.client.fetchStableToken(force) });
    this.client.useTokens(this.tokens);
    this.followers = new FollowerStore(db);
    this.menus = new MenuStore(db);
    this.sender = new OfficialAccountSender({
      client: this.client,
      followers: this.followers,
      logger,
      template: settings.template,
      mayUseTemplate: options.mayUseTemplate,
      now,
      backoffMs: options.backoffMs,
    });
    this.adapter = new OfficialAccountAdapter({ deliver: (openId, texts) => this.sender.deliver(openId, texts), maxChars: this.maxChars, menus: this.menus });
    this.handler = new InboundHandler({
      adapter: this.adapter,
      followers: this.followers,
      references: options.references,
      commands: loadAccountMenu(options.menuFile).commands,
      appId: settings.appId,
      logger,
      now,
    });
    this.status = {
      enabled: true,
      path: settings.path,
      mode: this.keys.crypto ? 'safe' : 'plaintext',
      templateMessages: Boolean(settings.template),
      deliveries: { accepted: 0, refused: 0, unknown: 0 },
    };
  }

  registerRoutes(server: Server): void {
    registerOfficialAccountRoutes(server, {
      path: this.options.settings.path,
      keys: this.keys,
      handler: this.handler,
      sendLate: (openId, texts) => this.replyLate(openId, texts),
      logger: this.options.logger,
      maxChars: this.maxChars,
      passiveReplyMs: this.options.passiveReplyMs,
      now: this.options.now,
      onPushHandled: this.options.onPushHandled,
    });
  }

  start(runtime: BotRuntime): void {
    this.adapter.attach(runtime);
  }

  async stop(): Promise<void> {
    await this.adapter.whenIdle();
  }

  /**
   * One proactive message to a stored follower, with its truthful outcome: the shape a delivery
   * pipeline lane wraps (accepted | refused(reason) | unknown).
   */
  async deliver(reference: Partial<ConversationReference>, messages: Array<string | Partial<Activity>>): Promise<DeliveryOutcome> {
    return this.run(reference, async (context) => {
      for (const message of messages) await context.sendActivity(message);
    });
  }

  /** For ProactiveService.registerChannel('wechat-oa', …): anything but 'accepted' throws a DeliveryError. */
  get proactive(): ProactiveChannel {
    return {
      continueConversation: async (reference, logic) => {
        const outcome = await this.run(reference, logic);
        if (outcome.status !== 'accepted') throw new DeliveryError(outcome);
      },
    };
  }

  getStatus(): OfficialAccountStatus {
    return { ...this.status, deliveries: { ...this.status.deliveries } };
  }

  /**
   * Replies of a turn too slow for the passive reply. When nothing went out and a later attempt
   * can succeed, they are queued in the delivery pipeline (kind 'reply') rather than lost.
   */
  private async replyLate(openId: string, texts: string[]): Promise<void> {
    const outcome = await this.sender.reply(openId, texts);
    if (outcome.status === 'accepted') return;
    const { delivery, logger } = this.options;
    if (delivery && isRetryable(outcome)) {
      const stamp = `${Date.now()}:${Math.random().toString(36).slice(2, 10)}`;
      await delivery.enqueue(
        delivery.db,
        texts.map((text, i) => ({
          kind: 'reply' as const,
          dedupeKey: `${OA_CHANNEL_ID}:${openId}:${stamp}:${i}`,
          refKey: `${OA_CHANNEL_ID}|${openId}`,
          activities: [{ type: 'message', text, textFormat: 'plain' }],
        })),
      );
      delivery.kick();
      logger.info({ outcome: describeOutcome(outcome) }, 'official account reply queued for a later attempt');
      return;
    }
    logger.warn({ outcome: describeOutcome(outcome) }, 'official account reply not delivered');
  }

  private async run(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<DeliveryOutcome> {
    const { outcome, lastMenu } = await this.adapter.deliverProactive(reference, logic);
    this.status.deliveries[outcome.status]++;
    const openId = reference.user?.id ?? reference.conversation?.id ?? '';
    if (outcome.status === 'accepted') {
      // A template message shows no menu; a customer-service message's menu is the one to answer.
      if (outcome.via === 'custom' && outcome.messages) await this.menus.set(oaMenuKey(openId), lastMenu);
    } else {
      this.status.lastProblem = describeOutcome(outcome);
      this.status.lastProblemAt = new Date((this.options.now ?? Date.now)()).toISOString();
      this.options.logger.info({ outcome: this.status.lastProblem }, 'official account proactive message not accepted');
    }
    return outcome;
  }
}

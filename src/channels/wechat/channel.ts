import type { Logger } from 'pino';
import { WechatyBuilder, log as wechatyLog, type Message, type PuppetModuleName, type Wechaty } from 'wechaty';
import type { AppConfig } from '../../config';
import type { ProactiveChannel } from '../../delivery/proactive';
import type { BotRuntime } from '../../contracts/feature';
import type { Database } from '../../storage/database';
import { systemPacing, type Pacing } from './pacing';
import { WechatConversationStore } from './conversationStore';
import { MenuStore } from './menuStore';
import type { DeliveryService, Lane } from '../../delivery';
import { wechatLane, wechatOutbox } from './lane';
import { WechatSession } from './session';
import type { WechatChannelService, WechatStatus } from './status';
import { WechatTargets } from './targets';
import { WechatAdapter, type MessageOutcome } from './wechatAdapter';

export interface WechatChannelOptions {
  config: AppConfig;
  db: Database;
  logger: Logger;
  /** The delivery pipeline: proactive WeChat messages go out through this channel's lane. */
  delivery: DeliveryService;
  /** A ready-made Wechaty (tests pass one built with the mock puppet); otherwise built from the config. */
  wechaty?: Wechaty;
  clock?: Pacing;
  /** Shows the login QR code; defaults to the terminal. */
  printQr?: (qrcode: string) => void;
  /** Back-off of login restarts. */
  loginRetryBaseMs?: number;
  loginRetryMaxMs?: number;
  /** Back-off and attempts of queued sends. */
  sendRetryBaseMs?: number;
  sendMaxAttempts?: number;
  maxMessageChars?: number;
  onMessageHandled?: (message: Message, outcome: MessageOutcome) => void;
}

/**
 * The WeChat channel as one service: the wechaty session (login, QR code, restarts), the adapter
 * that runs the bot for incoming messages, and the paced delivery lane for proactive messages.
 */
export class WechatChannel implements WechatChannelService {
  readonly adapter: WechatAdapter;
  /** The paced lane the delivery pipeline sends WeChat messages through. */
  readonly lane: Lane;
  readonly menus: MenuStore;
  readonly conversations: WechatConversationStore;
  private readonly status: WechatStatus;
  private readonly clock: Pacing;
  private wechaty?: Wechaty;
  private session?: WechatSession;
  private listening = false;

  constructor(private readonly options: WechatChannelOptions) {
    const { config, db, logger } = options;
    // wechaty logs to the console on its own; follow LOG_LEVEL unless WECHATY_LOG says otherwise.
    if (!process.env.WECHATY_LOG) wechatyLog.level(config.LOG_LEVEL === 'silent' ? 'silent' : 'warn');
    this.clock = options.clock ?? systemPacing;
    this.status = { enabled: true, puppet: config.WECHATY_PUPPET, name: config.WECHATY_NAME, state: 'stopped', restarts: 0 };
    this.menus = new MenuStore(db);
    this.conversations = new WechatConversationStore(db);
    const targets = new WechatTargets(() => this.wechaty, this.conversations, logger);
    this.lane = wechatLane({
      config,
      targets,
      menus: this.menus,
      loggedIn: () => this.status.state === 'logged_in' && Boolean(this.wechaty?.isLoggedIn),
      maxChars: options.maxMessageChars,
      retryBaseMs: options.sendRetryBaseMs,
      maxAttempts: options.sendMaxAttempts,
      state: () => ({ login: this.status.state, user: this.status.user?.name }),
    });
    this.adapter = new WechatAdapter({
      wechaty: () => this.wechaty,
      account: config.WECHATY_NAME,
      conversations: this.conversations,
      menus: this.menus,
      outbox: wechatOutbox(options.delivery, () => new Date(this.clock.now())),
      logger,
      clock: this.clock,
      maxChars: options.maxMessageChars,
      onMessageHandled: options.onMessageHandled,
    });
  }

  /** For ProactiveService.registerChannel('wechat', …). */
  get proactive(): ProactiveChannel {
    return { continueConversation: (reference, logic) => this.adapter.continueConversation(reference, logic) };
  }

  /** Logs in and starts answering. Never throws: a WeChat failure must not stop the web side. */
  async start(runtime: BotRuntime): Promise<void> {
    const { config, logger } = this.options;
    try {
      this.wechaty ??=
        this.options.wechaty ??
        WechatyBuilder.build({
          name: config.WECHATY_NAME,
          // Any puppet name wechaty can load; its own WECHATY_PUPPET_* variables are read by the puppet.
          puppet: config.WECHATY_PUPPET as PuppetModuleName,
        });
      const wechaty = this.wechaty;
      this.adapter.attach(runtime, this.clock.now());
      if (!this.listening) {
        this.listening = true;
        wechaty.on('message', (message) => void this.adapter.handleMessage(message));
      }
      this.session ??= new WechatSession({
        wechaty,
        status: this.status,
        logger,
        clock: this.clock,
        printQr: this.options.printQr,
        retryBaseMs: this.options.loginRetryBaseMs,
        retryMaxMs: this.options.loginRetryMaxMs,
        onLogin: () => this.options.delivery.kick(),
        onLogout: () => undefined,
      });
      await this.session.start();
    } catch (err) {
      this.status.lastError = err instanceof Error ? err.message : String(err);
      this.status.lastErrorAt = new Date(this.clock.now()).toISOString();
      logger.error({ err }, 'WeChat channel could not start; the web channels keep running');
    }
  }

  async stop(): Promise<void> {
    try {
      this.adapter.close();
      await this.adapter.whenIdle();
      await this.session?.stop();
    } catch (err) {
      this.options.logger.warn({ err }, 'WeChat channel did not stop cleanly');
    }
    this.status.state = 'stopped';
  }

  getStatus(): WechatStatus {
    return { ...this.status, user: this.status.user && { ...this.status.user } };
  }
}

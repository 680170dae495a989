import type { Logger } from 'pino';
import { WechatyBuilder, log as wechatyLog, type Message, type PuppetModuleName, type Wechaty } from 'wechaty';
import type { AppConfig } from '../../config';
import type { ProactiveChannel } from '../../delivery/proactive';
import type { BotRuntime } from '../../contracts/feature';
import type { Database } from '../../storage/database';
import type { HeldLock } from '../../storage/sql';
import { LOGIN_TEXT } from './copy';
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
  /** How often an instance without the login lock tries to take it over (default 30 s). */
  loginLockRetryMs?: number;
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
  /** Held while this instance runs the puppet: one login per account across instances. */
  private loginLock?: HeldLock;
  private loginLockTimer?: NodeJS.Timeout;
  private loginCheck?: Promise<void>;
  private stopped = false;

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
      this.stopped = false;
      await this.checkLoginLock();
    } catch (err) {
      this.status.lastError = err instanceof Error ? err.message : String(err);
      this.status.lastErrorAt = new Date(this.clock.now()).toISOString();
      logger.error({ err }, 'WeChat channel could not start; the web channels keep running');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.loginLockTimer);
    try {
      await this.loginCheck;
      this.adapter.close();
      await this.adapter.whenIdle();
      await this.session?.stop();
      // After the puppet stopped: the next instance may log in now.
      await this.loginLock?.release();
      this.loginLock = undefined;
    } catch (err) {
      this.options.logger.warn({ err }, 'WeChat channel did not stop cleanly');
    }
    this.status.state = 'stopped';
  }

  /** Whether this instance holds the WeChat login (tests; the console shows the login state). */
  holdsLogin(): boolean {
    return Boolean(this.loginLock?.held);
  }

  /**
   * One instance at a time runs the puppet of an account (two logins of one WeChat account would
   * log each other out): it starts only while holding the lock `wechat:login:<WECHATY_NAME>` — a
   * PostgreSQL advisory lock held on its own connection for the process lifetime, freed when the
   * holder stops or dies; on SQLite (one process) always this one. The others retry periodically
   * and take over. A lock whose connection broke is given up: the puppet stops here first.
   */
  checkLoginLock(): Promise<void> {
    this.loginCheck ??= this.takeLoginLock().finally(() => {
      this.loginCheck = undefined;
      if (this.stopped) return;
      clearTimeout(this.loginLockTimer);
      this.loginLockTimer = setTimeout(() => void this.checkLoginLock(), this.options.loginLockRetryMs ?? 30_000);
      this.loginLockTimer.unref();
    });
    return this.loginCheck;
  }

  private async takeLoginLock(): Promise<void> {
    const { config, db, logger } = this.options;
    if (this.stopped || !this.session) return;
    if (this.loginLock && !this.loginLock.held) {
      logger.warn('WeChat login lock lost with its database connection; the puppet stops until the lock is taken again');
      await this.session.stop();
      await this.loginLock.release();
      this.loginLock = undefined;
    }
    if (this.loginLock) return;
    try {
      this.loginLock = await db.tryLock(`wechat:login:${config.WECHATY_NAME}`);
    } catch (err) {
      logger.warn({ err }, 'could not try the WeChat login lock');
    }
    if (this.stopped) {
      await this.loginLock?.release();
      this.loginLock = undefined;
      return;
    }
    if (this.loginLock) {
      logger.info('WeChat login lock taken: this instance runs the puppet');
      await this.session.start();
    } else if (this.status.state !== 'stopped' || !this.status.lastError?.startsWith(LOGIN_TEXT.heldElsewhere)) {
      this.status.state = 'stopped';
      this.status.lastError = LOGIN_TEXT.standby;
      this.status.lastErrorAt = new Date(this.clock.now()).toISOString();
      logger.info('WeChat login is held by another instance; this one stands by');
    }
  }

  getStatus(): WechatStatus {
    return { ...this.status, user: this.status.user && { ...this.status.user } };
  }
}

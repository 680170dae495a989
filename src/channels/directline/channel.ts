import type { Server } from 'restify';
import type { BotRuntime, Services } from '../../contracts/feature';
import { OriginPolicy } from './http';
import { registerPageRoutes } from './page';
import { RateLimiter } from './rateLimiter';
import { DIRECTLINE_BASE, registerDirectLineRoutes } from './routes';
import { ActivityNotifications } from './notifications';
import { DirectLineService } from './service';
import { DirectLineStore } from './store';
import { DirectLineStreams } from './stream';
import { DirectLineTokens } from './tokens';

/** How often botframework-directlinejs refreshes its token. */
const WEBCHAT_REFRESH_SECONDS = 15 * 60;

/**
 * The web chat channel, assembled: a local Direct Line 3.0 service (REST + WebSocket) backed
 * by the database, the in-process adapter that runs the bot for it, and the chat page.
 */
export class DirectLineChannel {
  private streams?: DirectLineStreams;
  private server?: Server;

  private constructor(
    private readonly services: Services,
    readonly service: DirectLineService,
    private readonly origins: OriginPolicy,
    private readonly limiter: RateLimiter,
    private readonly pollLimiter: RateLimiter,
    private readonly notifications: ActivityNotifications,
  ) {}

  static async create(services: Services): Promise<DirectLineChannel> {
    const { config, db, logger } = services;
    const store = new DirectLineStore(db);
    const key = config.DIRECTLINE_TOKEN_KEY || (await store.signingKey());
    const tokens = new DirectLineTokens(key, config.DIRECTLINE_TOKEN_TTL_SECONDS);
    if (config.DIRECTLINE_TOKEN_TTL_SECONDS < WEBCHAT_REFRESH_SECONDS) {
      logger.warn(
        { ttlSeconds: config.DIRECTLINE_TOKEN_TTL_SECONDS },
        'DIRECTLINE_TOKEN_TTL_SECONDS is below 900: Web Chat refreshes its token every 15 minutes, so open chats will expire',
      );
    }
    const serviceUrl = `${(config.PUBLIC_URL ?? 'http://localhost').replace(/\/+$/, '')}${DIRECTLINE_BASE}`;
    const service = new DirectLineService(store, tokens, serviceUrl, logger.child({ channel: 'directline' }));
    const origins = new OriginPolicy(config.WEBCHAT_ALLOWED_ORIGINS, config.PUBLIC_URL);
    const limiter = new RateLimiter(config.DIRECTLINE_RATE_LIMIT_PER_MINUTE);
    const pollLimiter = new RateLimiter(config.DIRECTLINE_POLL_LIMIT_PER_MINUTE);
    // Redaction and retention rewrite the stored history; the in-memory tails follow.
    const { privacy } = services;
    privacy.onRedaction((ids, redact) => service.conversations.rewriteCached(ids, redact));
    privacy.onWebChatExpired((cutoff) => service.conversations.forgetBefore(cutoff));
    // Several instances on one PostgreSQL database: streams hear of appends made by the others.
    const notifications = await ActivityNotifications.start(db, service.conversations, logger.child({ channel: 'directline' }));
    return new DirectLineChannel(services, service, origins, limiter, pollLimiter, notifications);
  }

  registerRoutes(server: Server, runtime: BotRuntime): void {
    const { config, logger } = this.services;
    this.server = server;
    this.service.attach(runtime);
    const common = { service: this.service, origins: this.origins, limiter: this.limiter, logger };
    registerDirectLineRoutes(server, { ...common, pollLimiter: this.pollLimiter, secret: config.DIRECTLINE_SECRET, publicUrl: config.PUBLIC_URL });
    registerPageRoutes(server, common);
    this.streams = new DirectLineStreams(this.service.conversations, this.service.tokens, this.origins, this.pollLimiter, logger);
    this.streams.attach(server.server);
  }

  /** Called once the server listens. */
  start(): void {
    if (this.server) this.streams?.closeWhenServerCloses(this.server.server);
  }

  async stop(): Promise<void> {
    await this.streams?.close();
    await this.notifications.stop();
    await this.service.store.drain();
  }
}

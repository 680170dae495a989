import type { Request, Response, Server } from 'restify';
import {
  type Activity,
  ActivityTypes,
  CloudAdapter,
  type TurnContext,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  StatusCodes,
} from 'botbuilder';
// botbuilder's own connector package (the version botbuilder pins): its error class and extension-point types.
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { AppConfig } from '../config';
import { MAX_BODY_BYTES, parseJsonBody, sendJsonError } from '../server';
import { INVOKE_UNSUPPORTED } from './copy';

/** The Bot Framework channel adapter behind /api/messages (Emulator, Azure Bot Service). */
export function createCloudAdapter(config: AppConfig): CheckedBodyCloudAdapter {
  // Empty MicrosoftAppId → anonymous (the Emulator); otherwise every request's JWT is checked.
  const auth = new ReusedClientsAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CheckedBodyCloudAdapter(auth);
}

/** The dates botbuilder's request handling turns into Date objects (keeping the text as raw…). */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

/**
 * CloudAdapter whose `processChecked` handles a request as `process` does, without process()'s
 * zod checks: they build their schemas anew on every request (~30 KB of garbage a turn), and the
 * /api/messages route has checked the body already (activityBodyProblem).
 */
export class CheckedBodyCloudAdapter extends CloudAdapter {
  async processChecked(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = withDates(req.body as Activity);
    const authHeader = String(req.headers.authorization ?? '');
    let status: number;
    let body: unknown;
    try {
      const invokeResponse = await this.processActivity(authHeader, activity, logic);
      status = invokeResponse?.status ?? StatusCodes.OK;
      body = invokeResponse?.body;
    } catch (err) {
      console.error(err); // as CloudAdapter.process does
      status = err instanceof AuthenticationError ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR;
      body = (err as Error).message ?? err;
    }
    res.status(status);
    if (body) res.send(body);
    res.end();
  }
}

/** Clients kept (serviceUrl × audience pairs, app ids: a handful per channel). */
const MAX_CLIENTS = 100;

/** The app id botbuilder builds a turn's clients for: the token's audience, or the Emulator's appid claim. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/** A bounded map of promises; a promise that rejects is forgotten, so the next call tries again. */
function memoize<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    const made = make();
    made.catch(() => cache.get(key) === made && cache.delete(key));
    value = made;
    if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  }
  return value;
}

/** botbuilder's connector factory for one app id, handing out one client per serviceUrl and audience. */
class ReusedConnectorFactory implements ConnectorFactory {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: ConnectorFactory) {}

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return memoize(this.clients, `${serviceUrl} ${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * botbuilder's authentication (requests are checked exactly as before), except that the clients a
 * turn replies with are reused: CloudAdapter otherwise builds a new ConnectorClient (a whole HTTP
 * pipeline, with its credentials) and a UserTokenClient for every turn. The clients hold nothing
 * of a turn, and their credentials renew their own tokens.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly factories = new Map<string, ReusedConnectorFactory>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    return this.withReusedFactory(await super.authenticateRequest(...args));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedFactory(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factoryFor(claimsIdentity, () => super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return memoize(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private withReusedFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = result.connectorFactory;
    return made ? { ...result, connectorFactory: this.factoryFor(result.claimsIdentity, () => made) } : result;
  }

  private factoryFor(claimsIdentity: ClaimsIdentity, make: () => ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    let factory = this.factories.get(appId);
    if (!factory) {
      factory = new ReusedConnectorFactory(make());
      if (this.factories.size >= MAX_CLIENTS) this.factories.delete(this.factories.keys().next().value as string);
      this.factories.set(appId, factory);
    }
    return factory;
  }
}

/** Why an /api/messages body cannot be an activity, or undefined when it can. */
export function activityBodyProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON activity object';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return 'activity.type is required';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || !conversation.id) return 'activity.conversation.id is required';
  if (typeof activity.serviceUrl !== 'string' || !activity.serviceUrl) return 'activity.serviceUrl is required';
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'activity.text must be a string';
  return undefined;
}

/** What an invoke activity gets: this bot offers no invoke operations (cards submit messages instead). */
export const INVOKE_ANSWER = { status: 200, body: { type: 'application/vnd.microsoft.activity.message', value: INVOKE_UNSUPPORTED } };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for http(s) URLs on this machine: the only replies an unauthenticated caller may direct. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface BotFrameworkEndpointOptions {
  config: AppConfig;
  adapter: CloudAdapter;
  run: (context: TurnContext) => Promise<void>;
}

/**
 * POST /api/messages. Without app credentials anybody can post here, and the bot answers by
 * calling the activity's serviceUrl: so only loopback serviceUrls (the Emulator on this machine)
 * are accepted unless ALLOW_ANONYMOUS_SERVICE_URLS says otherwise.
 */
export function registerBotFrameworkEndpoint(server: Server, { config, adapter, run }: BotFrameworkEndpointOptions): void {
  const anonymous = !config.MicrosoftAppId;
  server.post(
    '/api/messages',
    ...parseJsonBody(MAX_BODY_BYTES, { tooLarge: (kb) => `body too large (at most ${kb} KB)`, malformed: 'malformed JSON body' }),
    async (req: Request, res: Response) => {
      const problem = activityBodyProblem(req.body);
      if (problem) return sendJsonError(res, 400, problem);
      const serviceUrl = String((req.body as { serviceUrl: string }).serviceUrl);
      if (anonymous && !config.ALLOW_ANONYMOUS_SERVICE_URLS && !isLoopbackServiceUrl(serviceUrl)) {
        return sendJsonError(res, 403, 'without MicrosoftAppId only a loopback serviceUrl (the Emulator) is accepted; set ALLOW_ANONYMOUS_SERVICE_URLS=true to allow others');
      }
      const logic = async (context: TurnContext) => {
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: INVOKE_ANSWER });
          return;
        }
        await run(context);
      };
      if (adapter instanceof CheckedBodyCloudAdapter) await adapter.processChecked(req, res, logic);
      else await adapter.process(req, res, logic);
    },
  );
}

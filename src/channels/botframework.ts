import type { Request, Response, Server } from 'restify';
import {
  ActivityTypes,
  CloudAdapter,
  type TurnContext,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { MAX_BODY_BYTES, parseJsonBody, sendJsonError } from '../server';

/** The Bot Framework channel adapter behind /api/messages (Emulator, Azure Bot Service). */
export function createCloudAdapter(config: AppConfig): CloudAdapter {
  // Empty MicrosoftAppId → anonymous (the Emulator); otherwise every request's JWT is checked.
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
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
export const INVOKE_ANSWER = { status: 200, body: { type: 'application/vnd.microsoft.activity.message', value: '暂不支持此操作，请直接输入您的问题。' } };

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
      await adapter.process(req, res, async (context) => {
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: INVOKE_ANSWER });
          return;
        }
        await run(context);
      });
    },
  );
}

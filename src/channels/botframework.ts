import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { AppConfig } from '../config';

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

import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.coerce.number().int().min(min).max(max));

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/**
 * Every setting the bot reads from the environment (or `.env`).
 * Keep in step with `.env.example` and the README's configuration table.
 */
export const configSchema = z.object({
  PORT: int(3978, 0, 65535),
  HOST: z.string().optional().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  DB_PATH: z.string().min(1).optional().default('./data/huibot.db'),
  PUBLIC_URL: z.string().url().optional(),

  // Bot Framework authentication: empty MicrosoftAppId = anonymous (Emulator, local tests).
  MicrosoftAppId: z.string().optional().default(''),
  MicrosoftAppPassword: z.string().optional().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).optional().default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional().default(''),

  SEED_DEMO: bool(true),
  // Days after which an untouched conversation's dialog state (half-filled forms) is deleted.
  CONVERSATION_STATE_DAYS: int(7, 1, 365),

  // Direct Line (web chat).
  DIRECTLINE_SECRET: z.string().optional().default(''),
  DIRECTLINE_TOKEN_KEY: z.string().optional().default(''),
  DIRECTLINE_TOKEN_TTL_SECONDS: int(3600, 60, 86400),
  DIRECTLINE_RATE_LIMIT_PER_MINUTE: int(120, 1, 100000),
  WEBCHAT_ALLOWED_ORIGINS: list,

  // Activities.
  REMINDER_HOURS_BEFORE: int(24, 1, 720),

  // WeChat (wechaty). Other WECHATY_* variables pass through to wechaty untouched.
  WECHATY_PUPPET: z.string().optional().default(''),
  WECHATY_NAME: z.string().optional().default('huibot'),
  WECHAT_SEND_GAP_MIN_MS: int(1000, 0, 600000),
  WECHAT_SEND_GAP_MAX_MS: int(3000, 0, 600000),
  WECHAT_DAILY_CAP: int(500, 1, 1000000),

  // Officials' console: comma-separated name:role:token triples.
  ADMIN_TOKENS: list,
});

export type AppConfig = z.infer<typeof configSchema>;

/** Thrown when a variable is wrong; the message names the variable. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

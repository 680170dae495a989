import { z } from 'zod';
import { parseTrustProxy } from './http/clientAddress';

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

/** An empty variable (`NAME=` in .env) means "not set", so the default applies. */
const emptyAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** Days personal data is kept unless RETENTION_* say otherwise (the consent notice states them too). */
export const DEFAULT_RETENTION = { webChatDays: 30, transcriptDays: 30, unansweredDays: 180, auditDetailsDays: 365 } as const;

/**
 * Every setting the bot reads from the environment (or `.env`).
 * Keep in step with `.env.example` and the README's configuration table.
 */
export const configSchema = z.object({
  PORT: int(3978, 0, 65535),
  HOST: z.string().optional().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  DB_PATH: z.string().min(1).optional().default('./data/huibot.db'),
  // postgres://user:password@host:port/database = PostgreSQL (then DB_PATH is unused); empty = SQLite at DB_PATH.
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL, or empty for SQLite at DB_PATH')
      .optional(),
  ),
  // Connections in the PostgreSQL pool of this process.
  DATABASE_POOL_SIZE: int(10, 2, 1000),
  // Named prepared statements on PostgreSQL; false behind a pooler that cannot keep them (PgBouncer transaction mode before 1.21).
  DATABASE_PREPARED_STATEMENTS: bool(true),
  // This process's name in /healthz and logs when several run side by side; empty = a random id per start.
  INSTANCE_ID: z.string().trim().optional().default(''),
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
  // Check-in opens this many hours before an activity starts and closes when it ends.
  CHECKIN_OPENS_HOURS_BEFORE: int(3, 0, 72),

  // WeChat (wechaty). Other WECHATY_* variables pass through to wechaty untouched.
  WECHATY_PUPPET: z.string().optional().default(''),
  WECHATY_NAME: z.string().optional().default('huibot'),
  WECHAT_SEND_GAP_MIN_MS: int(1000, 0, 600000),
  WECHAT_SEND_GAP_MAX_MS: int(3000, 0, 600000),
  WECHAT_DAILY_CAP: int(500, 1, 1000000),

  // WeChat Official Account (服务号). Empty WECHAT_OA_APP_ID = off; the rest is checked when it is set.
  WECHAT_OA_APP_ID: z.string().trim().optional().default(''),
  WECHAT_OA_APP_SECRET: z.string().trim().optional().default(''),
  WECHAT_OA_TOKEN: z.string().trim().optional().default(''),
  WECHAT_OA_AES_KEY: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9+/]{43})?$/, 'must be the 43-character EncodingAESKey from 公众平台 → 服务器配置, or empty for plaintext mode')
    .optional()
    .default(''),
  WECHAT_OA_API_BASE: z.preprocess(emptyAsUnset, z.string().url().optional().default('https://api.weixin.qq.com')),
  WECHAT_OA_PATH: z.string().regex(/^\/[\w\-/]*$/, 'must be a path starting with /').optional().default('/wechat/oa'),
  WECHAT_OA_TEMPLATE_ID: z.string().trim().optional().default(''),
  WECHAT_OA_TEMPLATE_FIELDS: z.string().trim().optional().default('title:thing1,summary:thing2,time:time3'),
  WECHAT_OA_TEMPLATE_URL: z.preprocess(emptyAsUnset, z.string().url().optional()),

  // Officials' console: comma-separated name:role:token triples.
  ADMIN_TOKENS: list,

  // Hardening (issue 16): proxies, connections, the Bot Framework endpoint, personal data retention.
  NODE_ENV: z.string().optional().default(''),
  // '' = no proxy; N = N proxies in front; or addresses/CIDR ranges/loopback/private whose X-Forwarded-For is believed.
  TRUST_PROXY: z
    .string()
    .optional()
    .default('')
    .superRefine((v, ctx) => {
      try {
        parseTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
      }
    }),
  HTTP_MAX_CONNECTIONS: int(2000, 1, 1000000),
  HTTP_MAX_CONNECTIONS_PER_CLIENT: int(64, 1, 1000000),
  HTTP_HEADERS_TIMEOUT_SECONDS: int(10, 1, 600),
  HTTP_IDLE_TIMEOUT_SECONDS: int(30, 1, 3600),
  // POST /api/messages (Bot Framework / Emulator); off = the route does not exist.
  BOTFRAMEWORK_ENABLED: bool(true),
  ALLOW_ANONYMOUS_SERVICE_URLS: bool(false),
  // Direct Line reads (polls, reconnects) per conversation per minute; posts use DIRECTLINE_RATE_LIMIT_PER_MINUTE.
  DIRECTLINE_POLL_LIMIT_PER_MINUTE: int(600, 1, 100000),
  // Days personal data is kept: web chat history, hand-off transcripts, unanswered questions, audit details.
  RETENTION_WEBCHAT_DAYS: int(DEFAULT_RETENTION.webChatDays, 1, 3650),
  RETENTION_TRANSCRIPT_DAYS: int(DEFAULT_RETENTION.transcriptDays, 1, 3650),
  RETENTION_UNANSWERED_DAYS: int(DEFAULT_RETENTION.unansweredDays, 1, 3650),
  RETENTION_AUDIT_DETAILS_DAYS: int(DEFAULT_RETENTION.auditDetailsDays, 1, 3650),
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
  const config = result.data;
  if (config.NODE_ENV === 'production' && config.BOTFRAMEWORK_ENABLED && !config.MicrosoftAppId) {
    throw new ConfigError(
      'Invalid configuration:\n  MicrosoftAppId: required when NODE_ENV=production (anyone could post to /api/messages); set it, or BOTFRAMEWORK_ENABLED=false',
    );
  }
  return config;
}

import pino, { type Logger } from 'pino';

// Mainland mobile numbers and 18-character unified social credit codes are personal or
// business identifiers: never write them to logs in full.
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
// Broader than the code's own alphabet on purpose: a mistyped code is still masked.
const CREDIT_CODE = /(?<![0-9A-Za-z])([0-9A-Za-z]{2})[0-9A-Za-z]{12}([0-9A-Za-z]{4})(?![0-9A-Za-z])/g;

export function maskSensitive(text: string): string {
  return text.replace(CREDIT_CODE, '$1************$2').replace(MOBILE, '$1****$2');
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitive(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskSensitive(value.message), stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'huibot' },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskSensitive(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };

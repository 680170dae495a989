import type { IncomingMessage } from 'node:http';

/** The bearer credential of a request (`Authorization: Bearer <token>`), if any. */
export function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

import type { Server } from 'restify';
import { z } from 'zod';
import { AdminError } from '../errors';
import { notificationSchema, type NotificationService } from '../notifications';
import type { SubscriptionService } from '../subscriptions';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface NotificationRouteDeps extends RouteDeps {
  notifications: NotificationService;
  subscriptions: SubscriptionService;
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** Compose (with a preview of the audience), send (202, delivered by the outbox) and follow notifications. */
export function registerNotificationRoutes(server: Server, deps: NotificationRouteDeps): void {
  server.get(
    `${ADMIN_API}/subscribers`,
    ...route(deps, 'viewer', async ({ res }) => {
      res.send(200, await deps.subscriptions.summary());
    }),
  );

  server.post(
    `${ADMIN_API}/notifications/preview`,
    ...route(
      deps,
      'viewer',
      async ({ req, res }) => {
        // The preview needs no text yet: the official sees the reach while still writing.
        const body = bodyOf(req) as Record<string, unknown>;
        const request = parse(notificationSchema, { ...body, text: typeof body?.text === 'string' && body.text.trim() ? body.text : '（通知内容）' });
        res.send(200, await deps.notifications.preview(request));
      },
      { body: true },
    ),
  );

  server.post(
    `${ADMIN_API}/notifications`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const request = parse(notificationSchema, bodyOf(req));
        const sent = await deps.notifications.send(request, actor, ip);
        res.send(202, { ...sent, status: `${ADMIN_API}/notifications/${sent.id}` });
      },
      { body: true },
    ),
  );

  server.get(
    `${ADMIN_API}/notifications`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const q = parse(listQuery, req.query ?? {});
      res.send(200, await deps.notifications.list(q.limit, q.offset));
    }),
  );

  server.get(
    `${ADMIN_API}/notifications/:id`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const detail = await deps.notifications.get(idParam(req));
      if (!detail) throw new AdminError(404, '找不到该通知。');
      res.send(200, detail);
    }),
  );
}

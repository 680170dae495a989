import type { Server } from 'restify';
import { z } from 'zod';
import { AdminError } from '../../officials/errors';
import { notificationSchema, type NotificationService } from '../../notifications/notifications';
import type { SubscriptionService } from '../../notifications/subscriptions';
import { NOTIFICATION_ADMIN_TEXT as T } from '../../notifications/copy';
import type { DeliveryService } from '../../delivery';
import type { AuditLog } from '../../officials/audit';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface NotificationRouteDeps extends RouteDeps {
  notifications: NotificationService;
  subscriptions: SubscriptionService;
  delivery: DeliveryService;
  audit: AuditLog;
}

const retryBody = z.object({ includeUnknown: z.boolean({ invalid_type_error: T.includeUnknown }).optional() }).strict();

const problemsQuery = z.object({
  channel: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, T.channel).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const deliveryRetryBody = z
  .object({
    ids: z.array(z.number().int().positive(), { required_error: T.selectToRetry }).min(1, T.selectToRetry).max(500),
    includeUnknown: z.boolean().optional(),
  })
  .strict();

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
        const request = parse(notificationSchema, { ...body, text: typeof body?.text === 'string' && body.text.trim() ? body.text : T.previewPlaceholder });
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

  server.post(
    `${ADMIN_API}/notifications/:id/retry`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const body = parse(retryBody, bodyOf(req) ?? {});
        res.send(200, await deps.notifications.retryFailed(idParam(req), body.includeUnknown ?? false, actor, ip));
      },
      { body: true },
    ),
  );

  server.get(
    `${ADMIN_API}/delivery/lanes`,
    ...route(deps, 'viewer', async ({ res }) => {
      res.send(200, { lanes: await deps.delivery.laneStates() });
    }),
  );

  // Every kind of message (reminders, promotions, ticket replies…): the latest failed, unknown and retrying ones.
  server.get(
    `${ADMIN_API}/delivery/problems`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const q = parse(problemsQuery, req.query ?? {});
      res.send(200, { items: await deps.delivery.outbox.problems({ channelId: q.channel }, q.limit ?? 50) });
    }),
  );

  server.post(
    `${ADMIN_API}/delivery/retry`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const body = parse(deliveryRetryBody, bodyOf(req) ?? {});
        const requeued = await deps.delivery.outbox.retry({ ids: body.ids }, body.includeUnknown ?? false);
        await deps.audit.record({ actor, action: 'delivery.retry', details: { ids: body.ids, requeued, includeUnknown: body.includeUnknown ?? false }, ip });
        deps.delivery.kick();
        res.send(200, { requeued });
      },
      { body: true },
    ),
  );

  server.get(
    `${ADMIN_API}/notifications/:id`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const detail = await deps.notifications.get(idParam(req));
      if (!detail) throw new AdminError(404, T.notFound);
      res.send(200, detail);
    }),
  );
}

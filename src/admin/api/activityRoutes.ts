import type { Server } from 'restify';
import { z } from 'zod';
import { activityInputSchema, type ActivitiesModule, type ActivityInput } from '../../activities';
import { activityInputOf } from '../../activities/activityInput';
import { ACTIVITY_STATUSES, type Activity } from '../../activities/types';
import { CONSOLE_TEXT, ERROR_TEXT } from '../../activities/copy';
import { ACTIVITY_TYPES } from '../../domain/vocabulary';
import type { AuditLog } from '../../officials/audit';
import { changedFields } from '../../officials/auditLabels';
import { AdminError } from '../../officials/errors';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface ActivityRouteDeps extends RouteDeps {
  audit: AuditLog;
  activities: () => ActivitiesModule | undefined;
}

const INPUT_KEYS: Array<keyof ActivityInput> = [
  'type',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'place',
  'onlineUrl',
  'capacity',
  'signupDeadline',
  'eligibleTiers',
  'seatsPerEnterprise',
];

const listQuery = z.object({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const cancelBody = z.object({ reason: z.string().trim().max(200, CONSOLE_TEXT.reasonTooLong(200)).optional() }).strict();
const checkInBody = z.object({ creditCode: z.string({ required_error: CONSOLE_TEXT.creditCodeRequired }).trim().min(1, CONSOLE_TEXT.creditCodeRequired).max(40) }).strict();

/** Activities (create, edit, publish, cancel, list) and check-in at the door by credit code. */
export function registerActivityRoutes(server: Server, deps: ActivityRouteDeps): void {
  const module = (): ActivitiesModule => {
    const m = deps.activities();
    if (!m) throw new AdminError(503, CONSOLE_TEXT.disabled);
    return m;
  };
  const withAvailability = async (a: Activity) => ({ ...a, availability: await module().activities.availability(a.id) });

  server.get(
    `${ADMIN_API}/activities`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const q = parse(listQuery, req.query ?? {});
      const { items, total } = await module().activities.list(q);
      res.send(200, { items: await Promise.all(items.map(withAvailability)), total });
    }),
  );

  server.get(
    `${ADMIN_API}/activities/:id`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const id = idParam(req);
      const activity = await module().activities.get(id);
      if (!activity) throw new AdminError(404, ERROR_TEXT.activityNotFound(id));
      res.send(200, await withAvailability(activity));
    }),
  );

  server.post(
    `${ADMIN_API}/activities`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const body = bodyOf(req);
        parse(activityInputSchema, body);
        const created = await module().activities.create(body as ActivityInput);
        await deps.audit.record({ actor, action: 'activity.create', target: `activity:${created.id}`, details: { title: created.title, type: created.type }, ip });
        res.send(201, await withAvailability(created));
      },
      { body: true },
    ),
  );

  server.patch(
    `${ADMIN_API}/activities/:id`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const id = idParam(req);
        const body = bodyOf(req);
        if (typeof body !== 'object' || Array.isArray(body)) throw AdminError.fields({ _: [CONSOLE_TEXT.nothingToChange] });
        const unknown = Object.keys(body as object).filter((k) => !(INPUT_KEYS as string[]).includes(k));
        if (unknown.length) throw AdminError.fields({ _: [CONSOLE_TEXT.unsupportedFields(unknown)] });
        const current = await module().activities.get(id);
        if (!current) throw new AdminError(404, ERROR_TEXT.activityNotFound(id));
        parse(activityInputSchema, { ...activityInputOf(current), ...(body as object) });
        const updated = await module().activities.update(id, body as Partial<ActivityInput>);
        // Only what really changed is recorded, with the old and the new value.
        const changes = changedFields(activityInputOf(current) as ActivityInput, activityInputOf(updated) as ActivityInput, INPUT_KEYS);
        await deps.audit.record({ actor, action: 'activity.update', target: `activity:${id}`, details: { changes }, ip });
        res.send(200, await withAvailability(updated));
      },
      { body: true },
    ),
  );

  server.post(
    `${ADMIN_API}/activities/:id/publish`,
    ...route(deps, 'editor', async ({ req, res, actor, ip }) => {
      const id = idParam(req);
      const published = await module().activities.publish(id);
      await deps.audit.record({ actor, action: 'activity.publish', target: `activity:${id}`, details: { title: published.title }, ip });
      res.send(200, await withAvailability(published));
    }),
  );

  server.post(
    `${ADMIN_API}/activities/:id/cancel`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const id = idParam(req);
        const { reason } = parse(cancelBody, bodyOf(req));
        const result = await module().activities.cancel(id, reason);
        await deps.audit.record({
          actor,
          action: 'activity.cancel',
          target: `activity:${id}`,
          details: { reason, registrationsCancelled: result.registrationsCancelled },
          ip,
        });
        res.send(200, { activity: result.activity, registrationsCancelled: result.registrationsCancelled });
      },
      { body: true },
    ),
  );

  server.post(
    `${ADMIN_API}/activities/:id/check-in`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const activityId = idParam(req);
        const { creditCode } = parse(checkInBody, bodyOf(req));
        const registration = await module().registrations.checkInByCreditCode(activityId, creditCode);
        await deps.audit.record({ actor, action: 'registration.check_in', target: `registration:${registration.id}`, details: { activityId }, ip });
        res.send(200, registration);
      },
      { body: true },
    ),
  );
}

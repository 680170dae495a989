import type { Server, Response } from 'restify';
import { z } from 'zod';
import type { ActivitiesModule } from '../../activities';
import { REGISTRATION_STATUSES, type Activity } from '../../activities/types';
import { CONSOLE_TEXT } from '../../activities/copy';
import type { AuditLog } from '../../officials/audit';
import { registrationsCsv, type ExportRow } from '../csv';
import { registrationsXlsx } from '../xlsx';
import { AdminError } from '../../officials/errors';
import { maskerFor, maskRegistration } from '../privacy';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface RegistrationRouteDeps extends RouteDeps {
  audit: AuditLog;
  activities: () => ActivitiesModule | undefined;
}

const registrationQuery = z.object({
  activityId: z.coerce.number().int().positive().optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const cancelBody = z
  .object({ reason: z.string({ required_error: CONSOLE_TEXT.reasonRequired }).trim().min(1, CONSOLE_TEXT.reasonRequired).max(200, CONSOLE_TEXT.reasonTooLong(200)) })
  .strict();

/**
 * Registrations for officials: list, exports (CSV and .xlsx), check-in, cancel (with a reason the
 * company is told; the waitlist moves up) and promotion from the waitlist by hand. Contacts pass
 * through the one masking rule (viewers see them masked everywhere, exports included).
 */
export function registerRegistrationRoutes(server: Server, deps: RegistrationRouteDeps): void {
  const module = (): ActivitiesModule => {
    const m = deps.activities();
    if (!m) throw new AdminError(503, CONSOLE_TEXT.disabled);
    return m;
  };

  server.get(
    `${ADMIN_API}/registrations`,
    ...route(deps, 'viewer', async ({ req, res, actor }) => {
      const q = parse(registrationQuery, req.query ?? {});
      const { items, total } = await module().registrations.list(q);
      const masker = maskerFor(actor.role);
      res.send(200, { items: items.map((r) => maskRegistration(r, masker)), total });
    }),
  );

  const exportRows = async (query: unknown): Promise<{ rows: ExportRow[]; activities: Map<number, Activity>; activityId?: number }> => {
    const q = parse(registrationQuery, query ?? {});
    const m = module();
    const rows: ExportRow[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await m.registrations.list({ ...q, limit: 1000, offset });
      rows.push(...page.items);
      if (page.items.length < 1000) break;
    }
    const activities = new Map<number, Activity>();
    for (const id of new Set(rows.map((r) => r.activityId))) {
      const a = await m.activities.get(id);
      if (a) activities.set(id, a);
    }
    return { rows, activities, activityId: q.activityId };
  };

  const download = (res: Response, type: string, ext: string, activityId: number | undefined, body: Buffer | string) => {
    const name = `${CONSOLE_TEXT.exportName(activityId)}.${ext}`;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="registrations.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };

  for (const format of ['csv', 'xlsx'] as const) {
    server.get(
      `${ADMIN_API}/registrations/export.${format}`,
      ...route(deps, 'viewer', async ({ req, res, actor, ip }) => {
        const { rows, activities, activityId } = await exportRows(req.query);
        const masker = maskerFor(actor.role);
        const shown = rows.map((r) => maskRegistration(r, masker));
        await deps.audit.record({
          actor,
          action: 'registrations.export',
          target: activityId ? `activity:${activityId}` : undefined,
          details: { rows: rows.length, format, masked: !masker.full },
          ip,
        });
        if (format === 'csv') download(res, 'text/csv; charset=utf-8', 'csv', activityId, registrationsCsv(shown, activities));
        else download(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', activityId, await registrationsXlsx(shown, activities));
      }),
    );
  }

  server.post(
    `${ADMIN_API}/registrations/:id/check-in`,
    ...route(deps, 'editor', async ({ req, res, actor, ip }) => {
      const id = idParam(req);
      const registration = await module().registrations.checkIn(id);
      await deps.audit.record({ actor, action: 'registration.check_in', target: `registration:${id}`, ip });
      res.send(200, registration);
    }),
  );

  server.post(
    `${ADMIN_API}/registrations/:id/cancel`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const id = idParam(req);
        const { reason } = parse(cancelBody, bodyOf(req));
        const { registration, promoted } = await module().registrations.cancel(id, { by: 'admin', reason });
        await deps.audit.record({
          actor,
          action: 'registration.cancel',
          target: `registration:${id}`,
          details: { reason, enterprise: registration.enterpriseName, promoted: promoted.map((p) => p.id) },
          ip,
        });
        res.send(200, { registration, promoted });
      },
      { body: true },
    ),
  );

  server.post(
    `${ADMIN_API}/registrations/:id/promote`,
    ...route(deps, 'editor', async ({ req, res, actor, ip }) => {
      const id = idParam(req);
      const registration = await module().registrations.promote(id);
      await deps.audit.record({ actor, action: 'registration.promote', target: `registration:${id}`, details: { enterprise: registration.enterpriseName }, ip });
      res.send(200, registration);
    }),
  );
}

import type { Server } from 'restify';
import { z } from 'zod';
import type { WechatStatus } from '../../channels/wechat/status';
import type { Dashboard } from '../dashboard';
import type { AuditLog } from '../../officials/audit';
import type { UnansweredReview } from '../../stats/unanswered';
import { REVIEW_TEXT } from '../../officials/copy';
import { ADMIN_API, bodyOf, parse, route, type RouteDeps } from './http';

export interface ReviewRouteDeps extends RouteDeps {
  audit: AuditLog;
  unanswered: UnansweredReview;
  dashboard: Dashboard;
  /** the WeChat channel's login state (its QR code is not sent to the dashboard) */
  wechatStatus: () => WechatStatus;
}

const unansweredQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).optional(),
  includeResolved: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

const resolveBody = z
  .object({
    ids: z.array(z.number().int().positive(), { required_error: REVIEW_TEXT.pickQuestions, invalid_type_error: REVIEW_TEXT.idsNotNumbers }).min(1, REVIEW_TEXT.pickQuestions).max(1000),
  })
  .strict();

const dashboardQuery = z.object({ days: z.coerce.number().int().min(1).max(90).optional() });

/** Unanswered questions (grouped, mark handled) and the dashboard's figures. */
export function registerReviewRoutes(server: Server, deps: ReviewRouteDeps): void {
  server.get(
    `${ADMIN_API}/unanswered`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const q = parse(unansweredQuery, req.query ?? {});
      res.send(200, await deps.unanswered.groups(q));
    }),
  );

  server.post(
    `${ADMIN_API}/unanswered/resolve`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const { ids } = parse(resolveBody, bodyOf(req));
        const resolved = await deps.unanswered.resolve(ids);
        await deps.audit.record({ actor, action: 'unanswered.resolve', details: { ids: ids.slice(0, 100), count: ids.length, resolved }, ip });
        res.send(200, { resolved });
      },
      { body: true },
    ),
  );

  server.get(
    `${ADMIN_API}/dashboard`,
    ...route(deps, 'viewer', async ({ req, res }) => {
      const q = parse(dashboardQuery, req.query ?? {});
      const { qrcode: _qrcode, ...wechat } = deps.wechatStatus();
      res.send(200, { ...(await deps.dashboard.figures(q.days ?? 14)), wechat });
    }),
  );
}

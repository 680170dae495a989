import type { Server } from 'restify';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS, CANCEL_REASON_LABELS, REGISTRATION_STATUS_LABELS, TIER_SHORT } from '../../activities/copy';
import { ROLE_LABELS } from '../../officials/roles';
import { CHANNEL_LABELS, DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS, TICKET_STATUS_LABELS, WECHAT_LOGIN_LABELS } from '../labels';
import { ADMIN_API, route, type RouteDeps } from './http';

/** Every code → Chinese label map the console page shows; the page reads them once at login and repeats none. */
export function consoleLabels() {
  return {
    activityTypes: ACTIVITY_TYPE_LABELS,
    activityStatuses: ACTIVITY_STATUS_LABELS,
    registrationStatuses: REGISTRATION_STATUS_LABELS,
    cancelReasons: CANCEL_REASON_LABELS,
    channels: CHANNEL_LABELS,
    roles: ROLE_LABELS,
    tiers: TIER_SHORT,
    ticketStatuses: TICKET_STATUS_LABELS,
    deliveryStates: DELIVERY_STATUS_LABELS,
    deliveryKinds: DELIVERY_KIND_LABELS,
    wechatLogin: WECHAT_LOGIN_LABELS,
  };
}

export type ConsoleLabels = ReturnType<typeof consoleLabels>;

/** `GET /admin/api/labels` (viewer). */
export function registerLabelRoutes(server: Server, deps: RouteDeps): void {
  server.get(
    `${ADMIN_API}/labels`,
    ...route(deps, 'viewer', async ({ res }) => {
      res.send(200, consoleLabels());
    }),
  );
}

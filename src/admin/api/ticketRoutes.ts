import type { Server } from 'restify';
import { z } from 'zod';
import { maskerFor, maskTranscript, type Masker } from '../privacy';
import { AdminError } from '../../officials/errors';
import { MAX_REPLY_CHARS, TICKET_STATUSES, type Ticket, type TicketDetail, type TicketService } from '../../handoff/tickets';
import { TICKET_ADMIN_TEXT as T } from '../../handoff/copy';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface TicketRouteDeps extends RouteDeps {
  tickets: TicketService;
}

const listQuery = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const replyBody = z
  .object({
    text: z
      .string({ required_error: T.replyRequired, invalid_type_error: T.replyNotText })
      .transform((t) => t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
      .pipe(z.string().min(1, T.replyRequired).max(MAX_REPLY_CHARS, T.replyTooLong(MAX_REPLY_CHARS))),
  })
  .strict();

/** 转人工 tickets: list, read (with transcript), reply (reaches the user's conversation), close. */
export function registerTicketRoutes(server: Server, deps: TicketRouteDeps): void {
  server.get(
    `${ADMIN_API}/tickets`,
    ...route(deps, 'viewer', async ({ req, res, actor }) => {
      const q = parse(listQuery, req.query ?? {});
      const { items, total } = await deps.tickets.list(q);
      const masker = maskerFor(actor.role);
      res.send(200, { items: items.map((t) => maskTicket(t, masker)), total });
    }),
  );

  server.get(
    `${ADMIN_API}/tickets/:id`,
    ...route(deps, 'viewer', async ({ req, res, actor }) => {
      const id = idParam(req);
      const detail = await deps.tickets.detail(id);
      if (!detail) throw new AdminError(404, T.notFound(id));
      const masker = maskerFor(actor.role);
      res.send(200, {
        ...maskTicket(detail, masker),
        transcript: maskTranscript(detail.transcript, masker),
        messages: detail.messages.map((m) => ({ ...m, text: masker.text(m.text) })),
      } satisfies TicketDetail);
    }),
  );

  server.post(
    `${ADMIN_API}/tickets/:id/reply`,
    ...route(
      deps,
      'editor',
      async ({ req, res, actor, ip }) => {
        const id = idParam(req);
        const { text } = parse(replyBody, bodyOf(req));
        res.send(202, await deps.tickets.reply(id, text, actor, ip));
      },
      { body: true },
    ),
  );

  server.post(
    `${ADMIN_API}/tickets/:id/close`,
    ...route(deps, 'editor', async ({ req, res, actor, ip }) => {
      res.send(200, await deps.tickets.close(idParam(req), actor, ip));
    }),
  );
}

/** The one masking rule applied to a ticket's own fields (contact, and mobiles typed into the question). */
function maskTicket<T extends Ticket>(t: T, m: Masker): T {
  if (m.full) return t;
  return { ...t, contactName: m.name(t.contactName), mobile: m.mobile(t.mobile), question: m.text(t.question) };
}

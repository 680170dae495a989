import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import type { Actor } from '../officials/roles';
import type { AuditLog } from '../officials/audit';
import type { DeliveryService, DeliveryStatus } from '../delivery';
import { TICKET_ADMIN_TEXT } from './copy';
import { ticketReplyActivity } from './ticketReply';
import { companyFor, type TicketCompany } from './ticketCompany';
import type { TranscriptLine, TranscriptLog } from './transcript';
import { AdminError } from '../officials/errors';

export const TICKET_STATUSES = ['open', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const MAX_QUESTION_CHARS = 2000;
export const MAX_REPLY_CHARS = 2000;
/** Contact details and transcripts of tickets closed this long ago are erased. */
export const TICKET_RETENTION_DAYS = 180;

export interface TicketOrigin {
  channelId: string;
  conversationId: string;
  userId: string;
  userName?: string;
  refKey: string;
}

export interface NewTicket {
  origin: TicketOrigin;
  question: string;
  /** both absent: the user asked to be answered in the conversation */
  contactName?: string;
  mobile?: string;
  unansweredId?: number;
}

export interface Ticket {
  id: number;
  refKey: string;
  channelId: string;
  conversationId: string;
  userId: string;
  userName?: string;
  question: string;
  contactName?: string;
  mobile?: string;
  status: TicketStatus;
  unansweredId?: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  closedBy?: string;
  /** which company asked (advisor profile, else latest sign-up) */
  company?: TicketCompany;
}

export interface TicketMessage {
  id: number;
  author: 'user' | 'official';
  authorName?: string;
  text: string;
  createdAt: string;
  /** official replies: how far delivery got */
  delivery?: { status: DeliveryStatus; error?: string };
}

export interface TicketDetail extends Ticket {
  transcript: TranscriptLine[];
  messages: TicketMessage[];
}

interface TicketRow {
  id: number;
  ref_key: string;
  channel_id: string;
  conversation_id: string;
  user_id: string;
  user_name: string | null;
  question: string;
  contact_name: string | null;
  mobile: string | null;
  transcript: string;
  unanswered_id: number | null;
  status: TicketStatus;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

interface MessageRow {
  id: number;
  author: 'user' | 'official';
  author_name: string | null;
  text: string;
  created_at: string;
}

/**
 * 转人工 tickets: opened from the chat with the conversation's recent transcript, answered by a
 * 服务专员 (the reply travels through the delivery pipeline to the user's conversation), then closed.
 */
export class TicketService {
  constructor(
    private readonly db: Database,
    private readonly delivery: DeliveryService,
    private readonly transcript: TranscriptLog,
    private readonly audit: AuditLog,
    private readonly clock: Clock = systemClock,
  ) {}

  async open(input: NewTicket): Promise<Ticket> {
    const now = this.clock().toISOString();
    const lines = await this.transcript.recent(input.origin.refKey);
    const { lastID } = await this.db.run(
      `INSERT INTO handoff_tickets (ref_key, channel_id, conversation_id, user_id, user_name, question, contact_name, mobile,
                                    transcript, unanswered_id, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id`,
      [
        input.origin.refKey,
        input.origin.channelId,
        input.origin.conversationId,
        input.origin.userId,
        input.origin.userName ?? null,
        input.question.slice(0, MAX_QUESTION_CHARS),
        input.contactName ?? null,
        input.mobile ?? null,
        JSON.stringify(lines),
        input.unansweredId ?? null,
        now,
        now,
      ],
    );
    return (await this.get(lastID))!;
  }

  /** The conversation's ticket still being handled (open or answered), if any. */
  async activeFor(refKey: string): Promise<Ticket | undefined> {
    const row = await this.db.get<TicketRow>(
      `SELECT * FROM handoff_tickets WHERE ref_key = ? AND status != 'closed' ORDER BY id DESC LIMIT 1`,
      [refKey],
    );
    return row && toTicket(row);
  }

  /** When a 服务专员 last replied to the ticket (undefined: not yet). */
  async lastOfficialReplyAt(ticketId: number): Promise<string | undefined> {
    const row = await this.db.get<{ at: string | null }>(
      `SELECT MAX(created_at) AS at FROM ticket_messages WHERE ticket_id = ? AND author = 'official'`,
      [ticketId],
    );
    return row?.at ?? undefined;
  }

  /** The user adds to their ticket from the chat; an answered ticket is open again. */
  async addUserMessage(ticketId: number, text: string): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO ticket_messages (ticket_id, author, text, created_at) VALUES (?, 'user', ?, ?)`, [
        ticketId,
        text.slice(0, MAX_QUESTION_CHARS),
        now,
      ]);
      await tx.run(`UPDATE handoff_tickets SET status = 'open', updated_at = ? WHERE id = ? AND status != 'closed'`, [now, ticketId]);
    });
  }

  /** An official's reply: stored, queued for the user's conversation, audited; the ticket is 'answered'. */
  async reply(ticketId: number, text: string, actor: Actor, ip?: string): Promise<TicketMessage> {
    const now = this.clock().toISOString();
    const messageId = await this.db.transaction(async (tx) => {
      const ticket = await tx.get<TicketRow>('SELECT * FROM handoff_tickets WHERE id = ?', [ticketId]);
      if (!ticket) throw new AdminError(404, TICKET_ADMIN_TEXT.notFound(ticketId));
      if (ticket.status === 'closed') throw new AdminError(409, TICKET_ADMIN_TEXT.closed(ticketId));
      const { lastID } = await tx.run(
        `INSERT INTO ticket_messages (ticket_id, author, author_name, text, created_at) VALUES (?, 'official', ?, ?, ?) RETURNING id`,
        [ticketId, actor.name, text, now],
      );
      await this.delivery.enqueue(tx, {
        kind: 'ticket_reply',
        dedupeKey: `ticket:${lastID}:${ticket.ref_key}`,
        refKey: ticket.ref_key,
        activities: [ticketReplyActivity(ticketId, text)],
        ticketMessageId: lastID,
      });
      await tx.run(`UPDATE handoff_tickets SET status = 'answered', updated_at = ? WHERE id = ?`, [now, ticketId]);
      await this.audit.record({ actor, action: 'ticket.reply', target: `ticket:${ticketId}`, details: { messageId: lastID, chars: text.length }, ip }, tx);
      return lastID;
    });
    this.delivery.kick();
    const detail = await this.detail(ticketId);
    return detail!.messages.find((m) => m.id === messageId)!;
  }

  async close(ticketId: number, actor: Actor, ip?: string): Promise<Ticket> {
    const now = this.clock().toISOString();
    await this.db.transaction(async (tx) => {
      const ticket = await tx.get<TicketRow>('SELECT * FROM handoff_tickets WHERE id = ?', [ticketId]);
      if (!ticket) throw new AdminError(404, TICKET_ADMIN_TEXT.notFound(ticketId));
      if (ticket.status === 'closed') return;
      await tx.run(`UPDATE handoff_tickets SET status = 'closed', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?`, [
        now,
        actor.name,
        now,
        ticketId,
      ]);
      await this.audit.record({ actor, action: 'ticket.close', target: `ticket:${ticketId}`, ip }, tx);
    });
    return (await this.get(ticketId))!;
  }

  async get(id: number): Promise<Ticket | undefined> {
    const row = await this.db.get<TicketRow>('SELECT * FROM handoff_tickets WHERE id = ?', [id]);
    return row && toTicket(row);
  }

  async detail(id: number): Promise<TicketDetail | undefined> {
    const row = await this.db.get<TicketRow>('SELECT * FROM handoff_tickets WHERE id = ?', [id]);
    if (!row) return undefined;
    const rows = await this.db.all<MessageRow>('SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY id', [id]);
    const states = await this.delivery.outbox.ticketReplyStates(rows.filter((m) => m.author === 'official').map((m) => m.id));
    return {
      ...(await this.withCompany(toTicket(row))),
      transcript: parseTranscript(row.transcript),
      messages: rows.map((m) => ({
        id: m.id,
        author: m.author,
        authorName: m.author_name ?? undefined,
        text: m.text,
        createdAt: m.created_at,
        delivery: m.author === 'official' ? states.get(m.id) : undefined,
      })),
    };
  }

  async list(filter: { status?: TicketStatus; limit?: number; offset?: number } = {}): Promise<{ items: Ticket[]; total: number }> {
    const where = filter.status ? 'WHERE status = ?' : '';
    const params = filter.status ? [filter.status] : [];
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM handoff_tickets ${where}`, params))?.n ?? 0;
    const rows = await this.db.all<TicketRow>(
      `SELECT * FROM handoff_tickets ${where}
        ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END, id DESC LIMIT ? OFFSET ?`,
      [...params, Math.min(200, Math.max(1, filter.limit ?? 50)), Math.max(0, filter.offset ?? 0)],
    );
    return { items: await Promise.all(rows.map((r) => this.withCompany(toTicket(r)))), total };
  }

  private async withCompany(ticket: Ticket): Promise<Ticket> {
    return { ...ticket, company: await companyFor(this.db, ticket.channelId, ticket.userId) };
  }

  async countOpen(): Promise<number> {
    return (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM handoff_tickets WHERE status = 'open'`))?.n ?? 0;
  }

  /** Erases contact details and transcripts of tickets closed more than `days` ago. */
  async purgeClosed(days = TICKET_RETENTION_DAYS): Promise<number> {
    const now = this.clock();
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const { changes } = await this.db.run(
      `UPDATE handoff_tickets SET contact_name = NULL, mobile = NULL, transcript = '[]', personal_data_erased_at = ?
        WHERE status = 'closed' AND closed_at < ? AND personal_data_erased_at IS NULL`,
      [now.toISOString(), cutoff],
    );
    return changes;
  }
}

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    refKey: row.ref_key,
    channelId: row.channel_id,
    conversationId: row.conversation_id,
    userId: row.user_id,
    userName: row.user_name ?? undefined,
    question: row.question,
    contactName: row.contact_name ?? undefined,
    mobile: row.mobile ?? undefined,
    status: row.status,
    unansweredId: row.unanswered_id ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at ?? undefined,
    closedBy: row.closed_by ?? undefined,
  };
}

function parseTranscript(json: string): TranscriptLine[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

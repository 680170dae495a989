import type { Logger } from 'pino';
import type { Database } from '../storage/database';
import type { Clock } from '../clock';
import type { DeliveryService } from '../delivery';
import type { ConsentService } from './consentService';
import type {
  Activity,
  JobPosition,
  Registration,
  RegistrationInput,
  RegistrationStatus,
  RegistrationView,
  SignUpOutcome,
} from './types';
import { ActivityError } from './errors';
import { activityFromRow, registrationFromRow, type ActivityRow, type RegistrationRow } from './rows';
import { availability, confirmFromWaitlist, loadActivity, loadRegistration, promoteWaitlisted, waitlistPosition } from './capacity';
import { registrantDelivery, registrationCancelledMessage } from './notifications';
import { SIGNUP_CONSENT_KIND } from './notice';
import { formatTiers } from './format';
import { DELIVERY_NOTE_TEXT, ERROR_TEXT } from './copy';
import { normalizeCreditCode, validateCreditCode } from './validation/creditCode';
import { validateMobile } from './validation/mobile';
import { validateContactName, validateEnterpriseName } from './validation/text';
import { MAX_HEADCOUNT, MAX_POSITIONS } from './validation/positions';

export interface RegistrationFilter {
  activityId?: number;
  status?: RegistrationStatus | RegistrationStatus[];
  /** part of the enterprise name, or a whole credit code */
  search?: string;
  channelId?: string;
  userId?: string;
  limit?: number;
  offset?: number;
}

export interface CancelOptions {
  /** who cancels: the registrant (consent withdrawn, contact data erased) or an official */
  by: 'user' | 'admin';
  /** when set, the registration must belong to this user */
  owner?: { channelId: string; userId: string };
  /** an official's reason, told to the company */
  reason?: string;
}

export interface RegistrationServiceOptions {
  /** check-in opens this many hours before the start (and closes at the end) */
  checkInOpensHoursBefore?: number;
}

export interface CancelOutcome {
  registration: Registration;
  /** waitlisted registrations confirmed with the freed seats */
  promoted: Registration[];
}

/** The activity with its seat counts and this enterprise's existing registration, read at sign-up. */
type SignUpSnapshot = ActivityRow & {
  taken: number;
  waitlisted: number;
  last_seq: number;
  existing_id: number | null;
  existing_status: string | null;
  existing_name: string | null;
};

/** The details a user gave last time, offered for reuse in the next sign-up. */
export interface SignUpDetails {
  enterpriseName: string;
  creditCode: string;
  contactName: string;
  mobile: string;
}

/**
 * Sign-ups. Seats are decided inside one transaction per sign-up: confirmed while seats remain and
 * nobody is waiting, waitlisted otherwise; a cancellation hands its seats to the waitlist in order.
 */
export class RegistrationService {
  /**
   * Called after a registrant withdrew (cancelled) with what was erased, so the same values can be
   * redacted from conversation records (web chat history, transcripts): see src/privacy.
   */
  onContactErased?: (erased: Registration) => Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly consents: ConsentService,
    private readonly delivery: DeliveryService,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly options: RegistrationServiceOptions = {},
  ) {}

  async register(input: RegistrationInput): Promise<SignUpOutcome> {
    const clean = cleanInput(input);
    const now = this.clock().toISOString();
    const outcome = await this.db.transaction(async (tx) => {
      // One read for everything the decision needs: the activity, its seats, and this enterprise's row.
      const row = await tx.get<SignUpSnapshot>(
        `SELECT a.*,
                COALESCE((SELECT SUM(attendees) FROM registrations
                           WHERE activity_id = a.id AND status IN ('confirmed', 'checked_in')), 0) AS taken,
                (SELECT COUNT(*) FROM registrations WHERE activity_id = a.id AND status = 'waitlisted') AS waitlisted,
                COALESCE((SELECT MAX(waitlist_seq) FROM registrations WHERE activity_id = a.id AND status = 'waitlisted'), 0) AS last_seq,
                e.id AS existing_id, e.status AS existing_status, e.enterprise_name AS existing_name
           FROM activities a LEFT JOIN registrations e ON e.activity_id = a.id AND e.credit_code = ?
          WHERE a.id = ?`,
        [clean.creditCode, clean.activityId],
      );
      const activity = row && activityFromRow(row);
      if (!row || !activity || activity.status !== 'published') {
        const message = activity ? ERROR_TEXT.notOpenForSignup(activity.title, activity.status === 'cancelled') : ERROR_TEXT.activityNotFound(clean.activityId);
        throw new ActivityError('activity_not_open', message);
      }
      if (activity.startsAt <= now) throw new ActivityError('activity_started', ERROR_TEXT.started(activity.title));
      if (activity.signupDeadline <= now) throw new ActivityError('deadline_passed', ERROR_TEXT.deadlinePassed(activity.title), { deadline: activity.signupDeadline });
      if (activity.eligibleTiers && (!clean.tier || !activity.eligibleTiers.includes(clean.tier))) {
        throw new ActivityError('tier_not_eligible', ERROR_TEXT.tierNotEligible(activity.title, formatTiers(activity.eligibleTiers)), {
          eligibleTiers: activity.eligibleTiers,
        });
      }
      if (clean.attendees > activity.seatsPerEnterprise) {
        throw new ActivityError('too_many_attendees', ERROR_TEXT.tooManyAttendees(activity.seatsPerEnterprise), {
          max: activity.seatsPerEnterprise,
        });
      }
      const positions = activity.type === 'jobfair' ? clean.positions : undefined;
      if (activity.type === 'jobfair' && !positions?.length) throw new ActivityError('invalid_input', ERROR_TEXT.positionsRequired);
      if (row.existing_id !== null && row.existing_status !== 'cancelled') {
        throw new ActivityError('already_registered', ERROR_TEXT.alreadyRegistered(row.existing_name, activity.title), {
          registrationId: row.existing_id,
          status: row.existing_status,
        });
      }

      // Nobody overtakes the waitlist: a seat is given only while nobody is waiting.
      const confirm = row.waitlisted === 0 && row.taken + clean.attendees <= activity.capacity;
      const consentId = await this.consents.grant(tx, {
        kind: SIGNUP_CONSENT_KIND,
        noticeId: clean.consent.noticeId,
        noticeVersion: clean.consent.noticeVersion,
        channelId: clean.origin.channelId,
        userId: clean.origin.userId,
        conversationId: clean.origin.conversationId,
        refKey: clean.origin.refKey,
        subject: `activity:${activity.id}`,
        grantedAt: clean.consent.grantedAt,
      });
      const values = [
        clean.enterpriseName,
        clean.contactName,
        clean.mobile,
        clean.attendees,
        positions ? JSON.stringify(positions) : null,
        clean.tier ?? null,
        confirm ? 'confirmed' : 'waitlisted',
        confirm ? null : row.last_seq + 1,
        clean.origin.channelId,
        clean.origin.userId,
        clean.origin.refKey ?? null,
        consentId,
        now,
        now,
        confirm ? now : null,
      ];
      const saved =
        row.existing_id !== null
          ? await tx.get<RegistrationRow>(
              `UPDATE registrations SET enterprise_name = ?, contact_name = ?, mobile = ?, attendees = ?, positions = ?, tier = ?,
                      status = ?, waitlist_seq = ?, channel_id = ?, user_id = ?, ref_key = ?, consent_id = ?,
                      updated_at = ?, registered_at = ?, confirmed_at = ?, cancel_reason = NULL, cancelled_at = NULL,
                      checked_in_at = NULL, personal_data_erased_at = NULL
                WHERE id = ? RETURNING *`,
              [...values, row.existing_id],
            )
          : await tx.get<RegistrationRow>(
              `INSERT INTO registrations (enterprise_name, contact_name, mobile, attendees, positions, tier, status, waitlist_seq,
                      channel_id, user_id, ref_key, consent_id, updated_at, registered_at, confirmed_at, activity_id, credit_code, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
              [...values, activity.id, clean.creditCode, now],
            );
      return {
        registration: registrationFromRow(saved!),
        // The new entry is last in line: everyone waiting before it, plus itself.
        waitlistPosition: confirm ? undefined : row.waitlisted + 1,
        reactivated: row.existing_id !== null,
      };
    });
    this.logger.info({ registrationId: outcome.registration.id, activityId: clean.activityId, status: outcome.registration.status }, 'activity sign-up');
    return outcome;
  }

  /** Cancels a registration; freed seats go to the waitlist, who are told on their own channel. */
  async cancel(id: number, options: CancelOptions): Promise<CancelOutcome> {
    const nowDate = this.clock();
    const now = nowDate.toISOString();
    const result = await this.db.transaction(async (tx) => {
      const current = await loadRegistration(tx, id);
      if (!current || (options.owner && (current.channelId !== options.owner.channelId || current.userId !== options.owner.userId))) {
        throw new ActivityError('registration_not_found', ERROR_TEXT.registrationNotFound);
      }
      if (current.status === 'cancelled') throw new ActivityError('invalid_state', ERROR_TEXT.alreadyCancelled);
      if (current.status === 'checked_in') throw new ActivityError('invalid_state', ERROR_TEXT.checkedInNoCancel);
      const activity = (await loadActivity(tx, current.activityId))!;
      if (activity.startsAt <= now && options.by === 'user') throw new ActivityError('activity_started', ERROR_TEXT.startedNoCancel(activity.title));

      const erase = options.by === 'user';
      const note = options.by === 'admin' ? options.reason?.trim().slice(0, 200) || null : null;
      await tx.run(
        `UPDATE registrations SET status = 'cancelled', cancel_reason = ?, cancel_note = ?, cancelled_at = ?, updated_at = ?
                ${erase ? ', contact_name = NULL, mobile = NULL, personal_data_erased_at = ?' : ''}
          WHERE id = ?`,
        erase ? [options.by, note, now, now, now, id] : [options.by, note, now, now, id],
      );
      if (erase && current.consentId) await this.consents.withdraw(tx, current.consentId, 'cancel_signup', now);
      await this.delivery.outbox.expireForRegistrations(tx, [id], ['reminder', 'promotion', 'activity_changed'], DELIVERY_NOTE_TEXT.registrationCancelled);
      if (options.by === 'admin') {
        // The company learns it from the bot, on the channel it signed up from.
        const told = registrantDelivery(current, 'registration_cancelled', now, registrationCancelledMessage(activity, current, note ?? undefined, nowDate), { now });
        if (told) await this.delivery.enqueue(tx, told);
      }
      const promoted = current.status === 'confirmed' ? await promoteWaitlisted(tx, activity, this.delivery, nowDate) : [];
      return { registration: (await loadRegistration(tx, id))!, promoted, erased: erase ? current : undefined };
    });
    this.logger.info({ registrationId: id, by: options.by, promoted: result.promoted.map((r) => r.id) }, 'activity sign-up cancelled');
    this.delivery.kick();
    if (options.by === 'user' && result.erased) await this.onContactErased?.(result.erased);
    return { registration: result.registration, promoted: result.promoted };
  }

  /**
   * An official moves a waitlisted registration to confirmed, out of turn if need be (a no-show
   * freed a seat, a company phoned). The seats must suffice; the company is told like any promotion.
   */
  async promote(id: number): Promise<Registration> {
    const nowDate = this.clock();
    const now = nowDate.toISOString();
    const promoted = await this.db.transaction(async (tx) => {
      const row = await tx.get<RegistrationRow>('SELECT * FROM registrations WHERE id = ?', [id]);
      if (!row) throw new ActivityError('registration_not_found', ERROR_TEXT.registrationNotFound);
      if (row.status !== 'waitlisted') throw new ActivityError('invalid_state', ERROR_TEXT.onlyWaitlistedPromoted);
      const activity = (await loadActivity(tx, row.activity_id))!;
      if (activity.status !== 'published') throw new ActivityError('invalid_state', ERROR_TEXT.notPublishedNoPromote);
      if (activity.endsAt <= now) throw new ActivityError('invalid_state', ERROR_TEXT.endedNoPromote);
      const seats = await availability(tx, activity);
      if (seats.remaining < row.attendees) {
        throw new ActivityError('no_seats', ERROR_TEXT.notEnoughSeats(seats.remaining, row.attendees), {
          remaining: seats.remaining,
          attendees: row.attendees,
        });
      }
      return confirmFromWaitlist(tx, activity, row, this.delivery, nowDate);
    });
    this.logger.info({ registrationId: id }, 'waitlisted registration promoted by an official');
    this.delivery.kick();
    return promoted;
  }

  /** Marks a confirmed registration as checked in (idempotent). */
  async checkIn(id: number): Promise<Registration> {
    const now = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      const current = await loadRegistration(tx, id);
      if (!current) throw new ActivityError('registration_not_found', ERROR_TEXT.registrationNotFound);
      if (current.status === 'checked_in') return current;
      if (current.status !== 'confirmed') {
        throw new ActivityError('invalid_state', current.status === 'waitlisted' ? ERROR_TEXT.waitlistedNoCheckIn : ERROR_TEXT.cancelledNoCheckIn);
      }
      const activity = (await loadActivity(tx, current.activityId))!;
      const hours = this.options.checkInOpensHoursBefore ?? 3;
      const opens = new Date(Date.parse(activity.startsAt) - hours * 3_600_000).toISOString();
      if (activity.status === 'cancelled') throw new ActivityError('invalid_state', ERROR_TEXT.activityCancelledNoCheckIn);
      if (now < opens) throw new ActivityError('checkin_not_open', ERROR_TEXT.checkInOpensAt(hours), { opensAt: opens });
      if (now >= activity.endsAt) throw new ActivityError('checkin_closed', ERROR_TEXT.checkInClosed);
      await tx.run(`UPDATE registrations SET status = 'checked_in', checked_in_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
      return (await loadRegistration(tx, id))!;
    });
  }

  /** Check-in at the door by credit code. */
  async checkInByCreditCode(activityId: number, creditCode: string): Promise<Registration> {
    const code = validateCreditCode(creditCode);
    if (!code.ok) throw new ActivityError('invalid_input', code.message);
    const row = await this.db.get<{ id: number }>('SELECT id FROM registrations WHERE activity_id = ? AND credit_code = ?', [activityId, code.code]);
    if (!row) throw new ActivityError('registration_not_found', ERROR_TEXT.notRegisteredForActivity);
    return this.checkIn(row.id);
  }

  async get(id: number): Promise<Registration | undefined> {
    return loadRegistration(this.db, id);
  }

  async waitlistPosition(id: number): Promise<number | undefined> {
    return waitlistPosition(this.db, id);
  }

  /** Registrations for the console: filter by activity, status, user, or search name / credit code. */
  async list(filter: RegistrationFilter = {}): Promise<{ items: Array<Registration & { waitlistPosition?: number }>; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.activityId !== undefined) add('r.activity_id = ?', filter.activityId);
    const statuses = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
    if (statuses.length) add(`r.status IN (${statuses.map(() => '?').join(',')})`, ...statuses);
    if (filter.channelId) add('r.channel_id = ?', filter.channelId);
    if (filter.userId) add('r.user_id = ?', filter.userId);
    const search = filter.search?.trim();
    if (search) add(`(lower(r.enterprise_name) LIKE lower(?) ESCAPE '\\' OR r.credit_code = ?)`, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, search.toUpperCase());
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = Math.min(1000, Math.max(1, Math.trunc(filter.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(filter.offset ?? 0));
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM registrations r ${clause}`, params))?.n ?? 0;
    const rows = await this.db.all<RegistrationRow & { position: number | null }>(
      `SELECT r.*, CASE WHEN r.status = 'waitlisted' THEN
                (SELECT COUNT(*) FROM registrations w WHERE w.activity_id = r.activity_id AND w.status = 'waitlisted'
                    AND w.waitlist_seq <= r.waitlist_seq) END AS position
         FROM registrations r ${clause}
        ORDER BY r.activity_id, CASE r.status WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END, r.waitlist_seq, r.registered_at, r.id
        LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { items: rows.map((row) => ({ ...registrationFromRow(row), waitlistPosition: row.position ?? undefined })), total };
  }

  /**
   * "我的报名": the user's registrations for activities that have not ended, except the ones they
   * cancelled themselves; soonest first.
   */
  async listForUser(channelId: string, userId: string): Promise<RegistrationView[]> {
    const rows = await this.db.all<RegistrationRow>(
      `SELECT r.* FROM registrations r JOIN activities a ON a.id = r.activity_id
        WHERE r.channel_id = ? AND r.user_id = ? AND a.ends_at > ?
          AND NOT (r.status = 'cancelled' AND r.cancel_reason = 'user')
        ORDER BY a.starts_at, r.id`,
      [channelId, userId, this.clock().toISOString()],
    );
    const activities = new Map<number, Activity>();
    const views: RegistrationView[] = [];
    for (const row of rows) {
      const registration = registrationFromRow(row);
      let activity = activities.get(row.activity_id);
      if (!activity) {
        activity = (await loadActivity(this.db, row.activity_id))!;
        activities.set(activity.id, activity);
      }
      views.push({
        registration,
        activity,
        waitlistPosition: registration.status === 'waitlisted' ? await waitlistPosition(this.db, registration.id) : undefined,
      });
    }
    return views;
  }

  /** The active registration of an enterprise for an activity, if any. */
  async findActive(activityId: number, creditCode: string): Promise<Registration | undefined> {
    const row = await this.db.get<RegistrationRow>(
      `SELECT * FROM registrations WHERE activity_id = ? AND credit_code = ? AND status != 'cancelled'`,
      [activityId, creditCode],
    );
    return row && registrationFromRow(row);
  }

  /** What this user entered in their latest sign-up whose contact data is still kept. */
  async lastDetailsForUser(channelId: string, userId: string): Promise<SignUpDetails | undefined> {
    const row = await this.db.get<RegistrationRow>(
      `SELECT * FROM registrations WHERE channel_id = ? AND user_id = ? AND contact_name IS NOT NULL AND mobile IS NOT NULL
        ORDER BY registered_at DESC, id DESC LIMIT 1`,
      [channelId, userId],
    );
    return row ? { enterpriseName: row.enterprise_name, creditCode: row.credit_code, contactName: row.contact_name!, mobile: row.mobile! } : undefined;
  }

  /** Erases contact data of registrations whose activity ended more than `retentionDays` ago. */
  async purgeExpired(retentionDays: number): Promise<number> {
    const now = this.clock();
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    const { changes } = await this.db.run(
      `UPDATE registrations SET contact_name = NULL, mobile = NULL, personal_data_erased_at = ?, updated_at = ?
        WHERE personal_data_erased_at IS NULL
          AND activity_id IN (SELECT id FROM activities WHERE ends_at < ?)`,
      [now.toISOString(), now.toISOString(), cutoff],
    );
    if (changes) this.logger.info({ registrations: changes, retentionDays }, 'expired sign-up contact data erased');
    return changes;
  }
}

/** Checks every field again: the service is also used by the console, not only by the validated dialog. */
function cleanInput(input: RegistrationInput): RegistrationInput {
  const invalid = (message: string) => new ActivityError('invalid_input', message);
  const name = validateEnterpriseName(input.enterpriseName);
  if (!name.ok) throw invalid(name.message);
  const code = validateCreditCode(input.creditCode);
  const confirmed = !code.ok && input.creditCodeConfirmed === true && code.problem.kind === 'check_char';
  if (!code.ok && !confirmed) throw invalid(code.message);
  const contact = validateContactName(input.contactName);
  if (!contact.ok) throw invalid(contact.message);
  const mobile = validateMobile(input.mobile);
  if (!mobile.ok) throw invalid(mobile.message);
  if (!Number.isInteger(input.attendees) || input.attendees < 1) throw invalid(ERROR_TEXT.attendeesAtLeastOne);
  if (input.tier !== undefined && ![1, 2, 3].includes(input.tier)) throw invalid(ERROR_TEXT.invalidTier);
  if (!input.origin?.channelId || !input.origin.userId) throw invalid(ERROR_TEXT.missingOrigin);
  if (!input.consent?.noticeId || !input.consent.noticeVersion || Number.isNaN(Date.parse(input.consent.grantedAt))) {
    throw invalid(ERROR_TEXT.consentRequired);
  }
  return {
    ...input,
    enterpriseName: name.value,
    creditCode: code.ok ? code.code : normalizeCreditCode(input.creditCode),
    contactName: contact.value,
    mobile: mobile.mobile,
    positions: input.positions === undefined ? undefined : cleanPositions(input.positions),
  };
}

function cleanPositions(positions: JobPosition[]): JobPosition[] {
  if (!Array.isArray(positions) || positions.length > MAX_POSITIONS) throw new ActivityError('invalid_input', ERROR_TEXT.tooManyPositions(MAX_POSITIONS));
  return positions.map((p) => {
    const title = typeof p?.title === 'string' ? p.title.trim() : '';
    if (!title || [...title].length > 30 || !Number.isInteger(p.headcount) || p.headcount < 1 || p.headcount > MAX_HEADCOUNT) {
      throw new ActivityError('invalid_input', ERROR_TEXT.invalidPosition);
    }
    return { title, headcount: p.headcount };
  });
}

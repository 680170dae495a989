import type { Logger } from 'pino';
import type { TicketService } from '../handoff/tickets';
import type { TranscriptLog } from '../handoff/transcript';

/** Seconds between two housekeeping runs (a task of the one scheduler). */
export const HOUSEKEEPING_SECONDS = 6 * 3600;

/** Deletes what is kept only for a while: old transcripts, contact details of long-closed tickets. */
export class Housekeeping {
  constructor(
    private readonly transcript: TranscriptLog,
    private readonly tickets: TicketService,
    private readonly logger: Logger,
  ) {}

  /** One run; the scheduler calls it every HOUSEKEEPING_SECONDS (and at start). */
  async run(): Promise<void> {
    const transcripts = await this.transcript.purgeOlderThan();
    const tickets = await this.tickets.purgeClosed();
    if (transcripts || tickets) this.logger.info({ transcripts, tickets }, 'expired transcripts and ticket contacts erased');
  }
}

import type { Logger } from 'pino';
import type { TicketService } from './tickets';
import type { TranscriptLog } from './transcript';

const EVERY_MS = 6 * 3_600_000;

/** Deletes what is kept only for a while: old transcripts, contact details of long-closed tickets. */
export class Housekeeping {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly transcript: TranscriptLog,
    private readonly tickets: TicketService,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.run();
    this.timer = setInterval(() => this.run(), EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = (async () => {
      const transcripts = await this.transcript.purgeOlderThan();
      const tickets = await this.tickets.purgeClosed();
      if (transcripts || tickets) this.logger.info({ transcripts, tickets }, 'expired transcripts and ticket contacts erased');
    })()
      .catch((err) => this.logger.warn({ err }, 'housekeeping failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}

import type { Logger } from 'pino';
import { ScanStatus, type Wechaty } from 'wechaty';
import { generate as generateQr } from 'qrcode-terminal';
import { LOGIN_TEXT } from './copy';
import { systemPacing, type Pacing } from './pacing';
import type { WechatStatus } from './status';

export interface WechatSessionOptions {
  wechaty: Wechaty;
  status: WechatStatus;
  logger: Logger;
  onLogin(): void;
  onLogout(): void;
  /** Shows the login QR code; defaults to printing it in the terminal. */
  printQr?: (qrcode: string) => void;
  clock?: Pacing;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Keeps the WeChat account logged in: starts wechaty, shows the login QR code in the terminal
 * and in the status object, and after a logout or a failure restarts with exponential back-off.
 * Nothing here throws: WeChat trouble must never stop the web side.
 */
export class WechatSession {
  private readonly clock: Pacing;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private failures = 0;
  private retry?: AbortController;
  private stopped = false;
  private listening = false;
  private lastPrintedQr?: string;

  constructor(private readonly options: WechatSessionOptions) {
    this.clock = options.clock ?? systemPacing;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
    this.retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.listen();
    await this.boot();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelRetry();
    try {
      await this.options.wechaty.stop();
    } catch (err) {
      this.options.logger.warn({ err }, 'wechaty did not stop cleanly');
    }
    this.options.status.state = 'stopped';
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const { wechaty } = this.options;
    wechaty.on('scan', (qrcode: string, scanStatus: ScanStatus) => this.onScan(qrcode, scanStatus));
    wechaty.on('login', (user) => this.onLogin(user.id, user.name()));
    wechaty.on('logout', (_user, reason?: string) => this.onLogout(reason));
    wechaty.on('error', (error) => this.onError(error));
  }

  private async boot(): Promise<void> {
    if (this.stopped) return;
    this.options.status.state = 'starting';
    try {
      await this.options.wechaty.start();
      this.options.logger.info({ puppet: this.options.status.puppet }, 'wechaty started');
    } catch (err) {
      this.recordError(err);
      this.options.logger.error(
        { err, puppet: this.options.status.puppet },
        'wechaty could not start (is WECHATY_PUPPET right and its package installed?)',
      );
      this.scheduleRetry();
    }
  }

  private onScan(qrcode: string, scanStatus: ScanStatus): void {
    const status = this.options.status;
    this.cancelRetry();
    status.state = 'waiting_for_scan';
    status.qrcodeStatus = (ScanStatus[scanStatus] ?? 'unknown').toLowerCase();
    if (!qrcode) return;
    status.qrcode = qrcode;
    status.qrcodeAt = new Date(this.clock.now()).toISOString();
    const fresh = scanStatus === ScanStatus.Waiting || scanStatus === ScanStatus.Timeout;
    if (fresh && qrcode !== this.lastPrintedQr) {
      this.lastPrintedQr = qrcode;
      // The QR value is a login credential: shown in the terminal and the console, never logged.
      this.options.logger.info('WeChat login QR code ready: scan it in the terminal (or the officials\' console)');
      try {
        (this.options.printQr ?? printQrInTerminal)(qrcode);
      } catch (err) {
        this.options.logger.warn({ err }, 'could not print the login QR code');
      }
    }
  }

  private onLogin(id: string, name: string): void {
    const status = this.options.status;
    this.cancelRetry();
    this.failures = 0;
    status.state = 'logged_in';
    status.user = { id, name };
    status.loggedInAt = new Date(this.clock.now()).toISOString();
    status.qrcode = undefined;
    status.qrcodeStatus = undefined;
    this.options.logger.info({ user: name }, 'WeChat logged in');
    this.options.onLogin();
  }

  private onLogout(reason?: string): void {
    const status = this.options.status;
    status.state = 'logged_out';
    status.user = undefined;
    this.options.logger.warn({ reason }, 'WeChat logged out');
    this.options.onLogout();
    // A puppet that shows a new QR code by itself cancels this restart (see onScan).
    this.scheduleRetry();
  }

  private onError(error: unknown): void {
    this.recordError(error);
    this.options.logger.warn({ err: error }, 'wechaty reported an error');
    const state = this.options.status.state;
    if (!this.options.wechaty.isLoggedIn && state !== 'waiting_for_scan' && state !== 'starting') this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    const delay = Math.min(this.retryBaseMs * 2 ** this.failures, this.retryMaxMs);
    this.failures++;
    const status = this.options.status;
    status.state = 'retrying';
    status.nextRetryAt = new Date(this.clock.now() + delay).toISOString();
    this.options.logger.info({ delayMs: delay }, 'WeChat will restart');
    const retry = new AbortController();
    this.retry = retry;
    void this.clock.sleep(delay, retry.signal).then(async () => {
      if (retry.signal.aborted || this.stopped) return;
      this.retry = undefined;
      status.nextRetryAt = undefined;
      status.restarts++;
      try {
        await this.options.wechaty.stop();
      } catch (err) {
        this.options.logger.warn({ err }, 'wechaty did not stop before the restart');
      }
      await this.boot();
    });
  }

  private cancelRetry(): void {
    this.retry?.abort();
    this.retry = undefined;
    this.options.status.nextRetryAt = undefined;
  }

  private recordError(error: unknown): void {
    const status = this.options.status;
    status.lastError = error instanceof Error ? error.message : String(error);
    status.lastErrorAt = new Date(this.clock.now()).toISOString();
  }
}

function printQrInTerminal(qrcode: string): void {
  generateQr(qrcode, { small: true }, (art) => {
    process.stdout.write(LOGIN_TEXT.qrPrompt(art));
  });
}

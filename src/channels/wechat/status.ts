
export type WechatLoginState = 'disabled' | 'stopped' | 'starting' | 'waiting_for_scan' | 'logged_in' | 'logged_out' | 'retrying';

/** What the officials' console shows about the WeChat channel. */
export interface WechatStatus {
  enabled: boolean;
  /** WECHATY_PUPPET */
  puppet: string;
  /** WECHATY_NAME: the memory card that keeps the login */
  name: string;
  state: WechatLoginState;
  /** The latest login QR code value (render it as a QR image locally; never send it to a QR web service). */
  qrcode?: string;
  /** waiting | scanned | confirmed | timeout | cancel | unknown */
  qrcodeStatus?: string;
  qrcodeAt?: string;
  user?: { id: string; name: string };
  loggedInAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /** How many times the channel restarted itself after a logout or error. */
  restarts: number;
  nextRetryAt?: string;
}

/** What the WeChat channel tells of itself (the WeChat feature offers it as `status()`). */
export interface WechatChannelService {
  getStatus(): WechatStatus;
}

/** The status when WECHATY_PUPPET is not set (no channel runs). */
export function disabledWechatStatus(): WechatStatus {
  return { enabled: false, puppet: '', name: '', state: 'disabled', restarts: 0 };
}

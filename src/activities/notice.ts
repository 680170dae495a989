/**
 * The personal-information notice shown before a sign-up collects anything (个人信息保护法 第十七条).
 * Its words are in the catalogue (copy.ts, signupNotice); changing them means a new version here:
 * every consent row records the version the user saw.
 */
import { DEFAULT_RETENTION } from '../config';
import { signupNotice } from './copy';

export const SIGNUP_NOTICE_ID = 'activity-signup-privacy';
export const SIGNUP_NOTICE_VERSION = '2';
export const SIGNUP_CONSENT_KIND = 'activity_signup';

/** Personal data is erased this many days after the activity ends. */
export const RETENTION_DAYS = 180;

/** The notice, stating the configured retention periods of conversation records. */
export function signupNoticeText(periods: { webChatDays: number; transcriptDays: number } = DEFAULT_RETENTION): string {
  return signupNotice({ contactRetentionDays: RETENTION_DAYS, webChatDays: periods.webChatDays, transcriptDays: periods.transcriptDays });
}

/** The notice with the default retention periods (RETENTION_WEBCHAT_DAYS / RETENTION_TRANSCRIPT_DAYS unset). */
export const SIGNUP_NOTICE_TEXT = signupNoticeText();

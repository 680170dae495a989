/**
 * The personal-information notice shown before a sign-up collects anything (个人信息保护法 第十七条:
 * who processes, purpose, retention, how to exercise rights). Changing the text means a new version:
 * every consent row records the version the user saw.
 */
import { DEFAULT_RETENTION } from '../config';

export const SIGNUP_NOTICE_ID = 'activity-signup-privacy';
export const SIGNUP_NOTICE_VERSION = '2';
export const SIGNUP_CONSENT_KIND = 'activity_signup';

/** Personal data is erased this many days after the activity ends. */
export const RETENTION_DAYS = 180;

/** The notice, stating the configured retention periods of conversation records. */
export function signupNoticeText(periods: { webChatDays: number; transcriptDays: number } = DEFAULT_RETENTION): string {
  return [
    '【个人信息告知】报名前请阅读：',
    '1. 收集方：苏州工业园区经济发展委员会（园区经发委）、园区企业服务中心（企服中心）。',
    '2. 收集内容：企业名称、统一社会信用代码、联系人姓名、手机号、参会人数；专场招聘另含招聘岗位和人数。',
    '3. 使用目的：仅用于本次活动的组织、签到，以及活动提醒、变更、候补递补等通知，不作他用。',
    `4. 保存期限：联系人姓名和手机号在活动结束后 ${RETENTION_DAYS} 天删除；网页对话记录保存 ${periods.webChatDays} 天，人工服务用的对话摘录保存 ${periods.transcriptDays} 天，到期自动删除。`,
    '5. 撤回与权利：您可随时输入“取消报名”撤回同意（联系人信息随即删除，对话记录中的手机号、信用代码和姓名一并删除），输入“删除我的信息”删除企业信息，或输入“转人工”查询、更正、删除您的信息。',
    '请点击“同意”继续报名；选择“不同意”将结束报名，且不会保存您的任何信息。',
  ].join('\n');
}

/** The notice with the default retention periods (RETENTION_WEBCHAT_DAYS / RETENTION_TRANSCRIPT_DAYS unset). */
export const SIGNUP_NOTICE_TEXT = signupNoticeText();

export const CONSENT_ACCEPT = '同意';
export const CONSENT_REFUSE = '不同意';

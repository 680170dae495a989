import { CANCEL_TEXT, SIGNUP_TEXT } from '../../src/activities/copy';

/**
 * Everyday replies that mean one of the fixed choices, typed instead of clicking its button. A
 * matching vocabulary (read from users, never shown), so it stays beside the prompts that use it.
 */
export const CHOICE_SYNONYMS: Record<string, readonly string[]> = {
  [SIGNUP_TEXT.confirmSubmit]: ['确认', '确定', '提交', '送出', '提交吧', '确认提交', '确认报名', '确认无误', '无误', '没错', '冇错', '没问题', '冇问题', '请', '好', '好的', '是', '是的', '对', '可以', 'ok', 'yes'],
  [SIGNUP_TEXT.confirmRestart]: ['重填', '重新', '修改', '改一下', '有误', '不对', '填错了'],
  [SIGNUP_TEXT.joinWaitlist]: ['候补', '登记', '要', '好', '好的', '是', '可以', '排队'],
  [SIGNUP_TEXT.seeOthers]: ['不用', '不用了', '不要', '其他活动', '否'],
  [CANCEL_TEXT.yes]: ['确认', '确定', '是', '是的', '好', '好的', '对', '确认取消'],
  [CANCEL_TEXT.no]: ['不', '不取消', '保留', '否', '不要', '不用了'],
};

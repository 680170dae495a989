import type { ActivityType } from '../../src/domain/vocabulary';
import { ACTIVITY_TYPE_LABELS } from '../../src/activities/format';

/** Chinese copy of the subscribe / unsubscribe dialogs. */
export const SUB_TEXT = {
  noticeTitle: '【订阅活动通知】',
  notice: [
    '订阅后，园区经发委、企服中心会通过本会话向您推送“专精特新”相关活动通知（如企业沙龙、培训辅导、专场招聘）。',
    '我们只记录本会话的标识和订阅时间，仅用于推送活动通知；如您在这里报名过活动，会参考报名时填写的培育类别，只推送适合贵企业的通知。',
    '您可随时回复“退订”停止接收。',
  ].join('\n'),
  confirm: '确认订阅',
  decline: '暂不订阅',
  retry: '请点击“确认订阅”，或点击“暂不订阅”。',
  resume: '是否订阅活动通知？',
  expected: '订阅后有新活动会在本会话通知您，例如：回复“确认订阅”即可订阅；不需要请回复“暂不订阅”。',
  leave: '也可以输入“取消”结束，或直接提问。',
  left: '好的，已取消当前事项，暂未订阅。',
  gaveUp: '好的，暂未订阅。如有其他问题，请直接输入。',
  subscribed: '订阅成功！有新活动时，我们会通过本会话通知您。回复“退订”可随时停止。',
  moved: '已更新您的订阅，今后的活动通知将发送到本会话。回复“退订”可随时停止。',
  already: '您已订阅活动通知，有新活动时会通过本会话通知您。如需停止，回复“退订”。',
  declined: '好的，暂不订阅。需要时回复“订阅活动通知”即可。',
  unsubscribed: '已为您退订活动通知，今后不再向您推送。如需重新订阅，回复“订阅活动通知”。',
  notSubscribed: '您目前没有订阅活动通知。如需订阅，回复“订阅活动通知”。',
  failed: '抱歉，刚才没有办理成功，请稍后再试，或输入“转人工”联系服务专员。',
} as const;

export function typesText(types: ActivityType[] | undefined): string {
  return types?.length ? types.map((t) => ACTIVITY_TYPE_LABELS[t]).join('、') : '全部活动';
}

/** "确认订阅", "好的", "可以" → yes; "暂不订阅", "不用了" → no; anything else → undefined. */
export function parseYesNo(text: string | undefined): 'yes' | 'no' | undefined {
  const t = (text ?? '').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
  if (!t || t.length > 20) return undefined;
  if (/^(暂不|不|否|算了|no)|不订阅|不要|不用|不需要/.test(t)) return 'no';
  if (/^(确认|确定|是|好|可以|同意|订阅|要|嗯|行|yes|ok)/.test(t)) return 'yes';
  return undefined;
}

/** Chinese labels for the codes the console and its exports show. */

export const CHANNEL_LABELS: Record<string, string> = {
  directline: '网页聊天',
  wechat: '微信',
  'wechat-oa': '微信服务号',
  emulator: 'Bot Framework 模拟器',
  msteams: 'Teams',
  webchat: 'Azure 网页聊天',
  terminal: '终端',
  test: '测试渠道',
};

export function channelLabel(channelId: string): string {
  return CHANNEL_LABELS[channelId] ?? channelId;
}

export const CANCEL_REASON_LABELS: Record<string, string> = {
  user: '企业自行取消',
  admin: '工作人员取消',
  activity_cancelled: '活动取消',
};

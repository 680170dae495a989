// The WeChat Official Account (服务号) channel. src/features/officialAccount.ts loads it when WECHAT_OA_APP_ID is set.
export { OfficialAccountChannel, OA_MAX_MESSAGE_CHARS, type OfficialAccountChannelOptions, type OfficialAccountStatus } from './channel';
export { OA_CHANNEL_ID } from './ids';
export { officialAccountSettings, type OfficialAccountSettings } from './settings';
export { DeliveryError, isRetryable, describeOutcome, type DeliveryOutcome, type RefusalReason } from './outcome';
export { MessageCrypto } from './crypto';
export { wechatSignature } from './signature';
export { loadAccountMenu } from './menuFile';

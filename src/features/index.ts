import type { Services } from '../contracts/feature';
import type { ActivitiesModuleOptions } from '../activities';
import type { AdminModuleOptions } from '../admin';
import { qaFeature } from './qa';
import { createWechatFeature, type WechatFeatureOptions } from './wechat';
import { createOfficialAccountFeature, type OfficialAccountFeatureOptions } from './officialAccount';
import { directLineFeature } from './directline';
import { createActivitiesFeature } from './activities';
import { createAdvisorFeature, type AdvisorFeatureOptions } from './advisor';
import { createAdminFeature } from './admin';

/** What tests (or another entry point) may inject into the bot's features. */
export interface BotFeatureOptions {
  wechat?: WechatFeatureOptions;
  officialAccount?: OfficialAccountFeatureOptions;
  activities?: ActivitiesModuleOptions;
  advisor?: AdvisorFeatureOptions;
  admin?: AdminModuleOptions;
}

/**
 * The features this bot runs, by name. A feature that uses another's service takes it as an
 * argument, so it is built after that one; they start in this order and stop in reverse.
 * MainDialog routes intents to the dialogs they offer.
 */
export async function createBotFeatures(services: Services, options: BotFeatureOptions = {}) {
  const activities = await createActivitiesFeature(options.activities)(services);
  const qa = await qaFeature(services, { offers: activities.offers });
  const wechat = await createWechatFeature(options.wechat)(services);
  const officialAccount = createOfficialAccountFeature(options.officialAccount)(services);
  const directLine = await directLineFeature(services);
  const advisor = createAdvisorFeature(options.advisor)(services, { activities: activities.module, classJudgedLast: qa.classJudgedLast });
  const admin = await createAdminFeature(options.admin)(services, { activities: activities.module, wechatStatus: wechat.status });
  return { qa, wechat, officialAccount, directLine, activities, advisor, admin };
}

export type BotFeatures = Awaited<ReturnType<typeof createBotFeatures>>;

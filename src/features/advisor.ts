/**
 * 培育类别与支持顾问: "我们属于哪一类", "我们能享受哪些支持", "我的企业信息", "删除我的信息".
 * The enterprise profile lives in UserState 'enterpriseProfile' (read by activity sign-up) and,
 * by 统一社会信用代码, in enterprise_profiles. The feature offers the advisor as `advisor` (e.g.
 * `savedItemReply` for a measure question).
 */
import { createAdvisor, type Advisor, type AdvisorDeps } from '../advisor';
import { ActivityServiceSource } from '../advisor/upcomingActivities';
import type { ActivitiesModule } from '../activities';
import { eraseTyped } from '../privacy';
import { TierDialog } from '../../dialogs/advisor/tierDialog';
import { SupportDialog, type ClassJudgedLast } from '../../dialogs/advisor/supportDialog';
import { ProfileDialog } from '../../dialogs/advisor/profileDialog';
import { DeleteProfileDialog } from '../../dialogs/advisor/deleteProfileDialog';
import type { Feature, Services } from '../contracts/feature';

export type AdvisorFeatureOptions = Pick<AdvisorDeps, 'knowledge' | 'knowledgeDir' | 'activities' | 'now'>;

/** What the advisor takes from other features; it works without them. */
export interface AdvisorFeatureServices {
  /** the activities feature's services: a supported measure's answer names the next open activity of its type */
  activities?: ActivitiesModule;
  /** the Q&A's last tier verdict: "入库培育企业算哪一类" → "那它能享受啥" asks that class's support */
  classJudgedLast?: ClassJudgedLast;
}

export interface AdvisorFeature extends Feature {
  advisor: Advisor;
}

export function createAdvisorFeature(options: AdvisorFeatureOptions = {}): (services: Services, from?: AdvisorFeatureServices) => AdvisorFeature {
  return (services, from = {}) => {
    const logger = services.logger.child({ module: 'advisor' });
    const advisor = createAdvisor({
      ...options,
      activities: options.activities ?? (from.activities && new ActivityServiceSource(from.activities.activities, logger)),
      db: services.db,
      userState: services.userState,
      logger,
    });
    // 删除我的信息 also redacts the person's typed details (profile and sign-ups) from conversation records.
    advisor.store.onRemoved = (context, profile) =>
      eraseTyped(services, context.activity.channelId, context.activity.from.id, `${context.activity.channelId}|${context.activity.conversation.id}`, [
        profile?.creditCode,
        profile?.name,
      ], { withRegistrations: true });
    return {
      name: 'advisor',
      advisor,
      // Facts a user states about their enterprise ("我们是省级专精特新…") are kept from every message,
      // whatever it asked, and never asked again.
      async observeRecognition(context, recognition) {
        try {
          await advisor.rememberStatedFacts(context, recognition);
        } catch (err) {
          logger.warn({ err }, 'could not keep the stated enterprise facts');
        }
      },
      routes: [
        { intents: ['which_tier'], dialog: new TierDialog(advisor) },
        { intents: ['what_support'], dialog: new SupportDialog(advisor, from.classJudgedLast) },
        { intents: ['my_profile'], dialog: new ProfileDialog(advisor) },
        { intents: ['delete_profile'], dialog: new DeleteProfileDialog(advisor) },
      ],
    };
  };
}

export const advisorFeature = createAdvisorFeature();

/**
 * 培育类别与支持顾问: "我们属于哪一类", "我们能享受哪些支持", "我的企业信息", "删除我的信息".
 * The enterprise profile lives in UserState 'enterpriseProfile' (read by activity sign-up) and,
 * by 统一社会信用代码, in enterprise_profiles. Other features find the advisor as
 * `services.registry.get('advisor')` (e.g. `savedItemReply` for a measure question).
 */
import { ADVISOR_REGISTRY_KEY, createAdvisor, type AdvisorDeps } from '../advisor';
import { eraseTyped } from '../privacy';
import { TierDialog } from '../../dialogs/advisor/tierDialog';
import { SupportDialog } from '../../dialogs/advisor/supportDialog';
import { ProfileDialog } from '../../dialogs/advisor/profileDialog';
import { DeleteProfileDialog } from '../../dialogs/advisor/deleteProfileDialog';
import type { Feature, FeatureFactory } from '../contracts/feature';

export type AdvisorFeatureOptions = Pick<AdvisorDeps, 'knowledge' | 'knowledgeDir' | 'activities' | 'now'>;

export function createAdvisorFeature(options: AdvisorFeatureOptions = {}): FeatureFactory {
  return (services): Feature => {
    const advisor = createAdvisor({
      ...options,
      db: services.db,
      userState: services.userState,
      registry: services.registry,
      logger: services.logger.child({ module: 'advisor' }),
    });
    services.registry.set(ADVISOR_REGISTRY_KEY, advisor);
    // 删除我的信息 also redacts the person's typed details (profile and sign-ups) from conversation records.
    advisor.store.onRemoved = (context, profile) =>
      eraseTyped(services, context.activity.channelId, context.activity.from.id, `${context.activity.channelId}|${context.activity.conversation.id}`, [
        profile?.creditCode,
        profile?.name,
      ], { withRegistrations: true });
    const logger = services.logger.child({ module: 'advisor' });
    return {
      name: 'advisor',
      // Facts a user states about their enterprise ("我们是省级专精特新…") are kept from every message,
      // whatever it asked, and never asked again.
      async observeRecognition(context, recognition) {
        try {
          await advisor.rememberStatedFacts(context, recognition.text);
        } catch (err) {
          logger.warn({ err }, 'could not keep the stated enterprise facts');
        }
      },
      routes: [
        { intents: ['which_tier'], dialog: new TierDialog(advisor) },
        { intents: ['what_support'], dialog: new SupportDialog(advisor) },
        { intents: ['my_profile'], dialog: new ProfileDialog(advisor) },
        { intents: ['delete_profile'], dialog: new DeleteProfileDialog(advisor) },
      ],
    };
  };
}

export const advisorFeature: FeatureFactory = createAdvisorFeature();

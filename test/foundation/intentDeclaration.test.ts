/**
 * knowledge/nlu/intents.yaml is the one declaration of an intent: a new intent added there (with
 * `servedBy`) and a feature routing it to its dialog is understood and served end to end; a declared
 * intent without a route, or a route to an undeclared intent, stops the start naming the intent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { TestAdapter, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createRecognizer } from '../../src/nlu';
import { declaredIntent } from '../../src/domain/vocabulary';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/loader';
import { activitiesFeature } from '../../src/features/activities';
import { checkIntentRoutes } from '../../src/features/routing';
import { MAIN_INTENTS } from '../../dialogs/mainDialog';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import { getKnowledge } from '../../src/knowledge/loader';
import { fakeRecognizer, removeDb, tempDbPath } from '../helpers/testApp';

const PARKING = declaredIntent('ask_parking');
const PARKING_REPLY = '服务中心地下车库对来访企业免费开放。';

/** A copy of knowledge/ with one more intent, declared in intents.yaml only. */
function knowledgeWithParking(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-knowledge-'));
  fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'nlu', 'intents.yaml');
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  doc.intents.ask_parking = {
    servedBy: 'parking',
    topic: '停车咨询',
    patterns: ['(停车|车位|停车场)'],
    examples: ['哪里可以停车', '有停车位吗', '停车场在哪', '开车去能停吗'],
  };
  fs.writeFileSync(file, YAML.stringify(doc));
  return dir;
}

class ParkingDialog extends ComponentDialog {
  constructor() {
    super('parkingDialog');
    this.addDialog(
      new WaterfallDialog('parkingSteps', [
        async (step) => {
          await step.context.sendActivity(PARKING_REPLY);
          return step.endDialog();
        },
      ]),
    );
  }
}

const parkingFeature: FeatureFactory = (): Feature => ({ name: 'parking', routes: [{ intents: [PARKING], dialog: new ParkingDialog() }] });

const config = (dbPath: string) => loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });

test('an intent declared in intents.yaml alone, with a feature serving it, is routed end to end', async () => {
  const knowledgeDir = knowledgeWithParking();
  const dbPath = tempDbPath();
  const recognizer = await createRecognizer({ knowledgeDir });
  const app = await createApp(config(dbPath), { features: [parkingFeature], recognizer, knowledgeDir });
  try {
    expect((await recognizer.recognize('请问哪里可以停车')).intent).toBe('ask_parking');
    expect(app.services.intents.ask_parking?.topic).toBe('停车咨询');
    const adapter = new TestAdapter((context) => app.runtime.bot.run(context));
    await adapter
      .send('请问哪里可以停车')
      .assertReply((a: Partial<Activity>) => expect(a.text).toBe(PARKING_REPLY))
      .startTest();
  } finally {
    await app.close();
    removeDb(dbPath);
    fs.rmSync(knowledgeDir, { recursive: true, force: true });
  }
}, 60_000);

test('a declared intent whose route is removed stops the start, naming the intent and the feature', async () => {
  const withoutSignUp: FeatureFactory = async (services) => {
    const feature = await activitiesFeature(services);
    return { ...feature, routes: feature.routes?.filter((r) => !r.intents.includes('sign_up')) };
  };
  const dbPath = tempDbPath();
  await expect(createApp(config(dbPath), { features: [withoutSignUp], recognizer: fakeRecognizer() })).rejects.toThrow(
    /intent "sign_up".*feature "activities" has no route/,
  );
  removeDb(dbPath);
});

test('a route to an intent intents.yaml does not declare stops the start, naming it', async () => {
  const dbPath = tempDbPath();
  await expect(createApp(config(dbPath), { features: [parkingFeature], recognizer: fakeRecognizer() })).rejects.toThrow(
    /feature "parking" routes intent "ask_parking", which intents.yaml does not declare/,
  );
  removeDb(dbPath);
});

test('with every feature running, an intent served by a feature that does not run is an error', () => {
  const declared = getKnowledge().intents;
  expect(() => checkIntentRoutes(declared, [], MAIN_INTENTS, { complete: true })).toThrow(/servedBy: (qa|advisor|activities|admin), but no feature/);
  expect(() => checkIntentRoutes(declared, [], MAIN_INTENTS, { complete: false })).not.toThrow();
  expect(() => checkIntentRoutes(declared, [], ['greeting', 'help'], { complete: false })).toThrow(/"thanks_bye" is declared servedBy: main/);
  // Only the feature servedBy names may route an intent when the app runs every feature.
  const standIn: Feature = { name: 'qa', routes: [{ intents: ['sign_up'], dialog: new ParkingDialog() }] };
  expect(() => checkIntentRoutes(declared, [standIn], MAIN_INTENTS, { complete: true })).toThrow(/feature "qa" routes intent "sign_up", which intents.yaml declares servedBy: activities/);
});

// Sign-ups per second through the real RegistrationService on the embedded SQLite database (a temp
// file): one after another, and as simultaneous bursts that fill the seats and the waitlist.
// Run: npm run bench:signup  [-- --count 2000]
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { Database } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';
import { ConversationReferenceStore } from '../src/storage/conversationReferences';
import { ProactiveService } from '../src/delivery/proactive';
import { DeliveryService } from '../src/delivery';
import { adapterLane } from '../src/delivery/adapterLane';
import { createActivitiesModule, type ActivitiesModule, type RegistrationInput } from '../src/activities';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../src/activities/validation/creditCode';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION } from '../src/activities/notice';

function creditCode(n: number): string {
  let body = '';
  for (let i = 0, rest = n; i < 9; i++, rest = Math.floor(rest / 31)) body = CREDIT_CODE_CHARSET[rest % 31] + body;
  return `91320594${body}${creditCodeCheckChar(`91320594${body}`)}`;
}

function input(activityId: number, n: number): RegistrationInput {
  return {
    activityId,
    enterpriseName: `基准测试企业${n}有限公司`,
    creditCode: creditCode(n),
    contactName: '张三',
    mobile: '13812345678',
    attendees: 1,
    origin: { channelId: 'bench', userId: `u${n}`, conversationId: `c${n}`, refKey: `bench|c${n}` },
    consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: new Date().toISOString() },
  };
}

async function activity(module: ActivitiesModule, capacity: number): Promise<number> {
  const start = new Date(Date.now() + 7 * 86_400_000);
  const created = await module.activities.create({
    type: 'salon',
    title: `基准沙龙 ${capacity}`,
    startsAt: start,
    endsAt: new Date(start.getTime() + 7_200_000),
    place: '基准测试',
    capacity,
    seatsPerEnterprise: 1,
  });
  await module.activities.publish(created.id);
  return created.id;
}

function report(label: string, count: number, ms: number, unit = 'sign-ups'): void {
  console.log(`${label.padEnd(48)} ${String(count).padStart(6)} ${unit.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms ${((count * 1000) / ms).toFixed(0).padStart(6)} /s`);
}

async function main(): Promise<void> {
  const countArg = process.argv.indexOf('--count');
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 2000;
  const file = path.join(os.tmpdir(), `huibot-bench-signup-${randomUUID()}.db`);
  const logger = createLogger('silent');
  const db = await Database.open(file, logger);
  try {
    await migrate(db, logger);
    const proactive = new ProactiveService(new ConversationReferenceStore(db), logger);
    const delivery = new DeliveryService(db, logger);
    delivery.registerLane(adapterLane(proactive));
    const module = createActivitiesModule({ db, logger, delivery, config: loadConfig({ LOG_LEVEL: 'silent' }) });
    console.log(`sign-up benchmark — SQLite WAL, temp file ${file}, Node ${process.version}, ${os.cpus().length} cores`);

    const warm = await activity(module, 100);
    for (let i = 0; i < 50; i++) await module.registrations.register(input(warm, i));

    let next = 1_000;
    const sequentialId = await activity(module, count);
    let t = performance.now();
    for (let i = 0; i < count; i++) await module.registrations.register(input(sequentialId, next++));
    report('sequential (await each), all confirmed', count, performance.now() - t);

    const burstId = await activity(module, count);
    t = performance.now();
    await Promise.all(Array.from({ length: count }, () => module.registrations.register(input(burstId, next++))));
    report('simultaneous burst, all confirmed', count, performance.now() - t);

    const seats = Math.max(1, Math.floor(count / 10));
    const waitId = await activity(module, seats);
    t = performance.now();
    const outcomes = await Promise.all(Array.from({ length: count }, () => module.registrations.register(input(waitId, next++))));
    report(`simultaneous burst, ${seats} seats (rest waitlisted)`, count, performance.now() - t);
    const confirmed = outcomes.filter((o) => o.registration.status === 'confirmed').length;
    console.log(`  check: ${confirmed} confirmed, ${outcomes.length - confirmed} waitlisted, last position ${outcomes.at(-1)?.waitlistPosition}`);

    const cancelCount = Math.min(200, seats);
    const confirmedIds = outcomes.filter((o) => o.registration.status === 'confirmed').slice(0, cancelCount).map((o) => o.registration.id);
    t = performance.now();
    for (const id of confirmedIds) await module.registrations.cancel(id, { by: 'admin' });
    report('cancellations, each promoting the next', cancelCount, performance.now() - t, 'cancellations');
    await delivery.stop();
  } finally {
    await db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

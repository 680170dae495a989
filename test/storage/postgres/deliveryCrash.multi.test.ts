/**
 * kill -9 of one of two instances on one PostgreSQL database in the middle of a web-chat push
 * (`npm run test:pg`): the other instance, once the dead one's lease has passed, sends what it had
 * claimed; every recipient has the message exactly once, and nothing the channel had taken (marked
 * sent) is sent again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { directLineFeature } from '../../../src/features/directline';
import type { LanePolicy } from '../../../src/delivery';
import { killHard } from '../../helpers/serverProcess';
import { startTestApp } from '../../helpers/testApp';
import { messagesPerConversation, queueWebChatPush, sharedDatabase, until } from '../../helpers/multiInstance';

const ROOT = path.resolve(__dirname, '../../..');
const RECIPIENTS = 2000;
/** Small batches sent one at a time: the push takes long enough to be cut in the middle; a short lease. */
const POLICY: Partial<LanePolicy> = { batchSize: 20, concurrency: 1, leaseMs: 3000 };

/** An instance as a child process (test/helpers/deliveryInstance.ts); resolves once it listens. */
function startChild(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'test/helpers/deliveryInstance.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', WECHATY_PUPPET: '', HUIBOT_TEST_DELIVERY_POLICY: JSON.stringify(POLICY), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code}: ${out}`));
    });
  });
}

jest.setTimeout(180_000);

test(`kill -9 of one instance mid-push to ${RECIPIENTS.toLocaleString('en')}: the other sends its claims after the lease, nobody gets it twice`, async () => {
  const { url, db } = await sharedDatabase();
  const doomed = await startChild({ DATABASE_URL: url, INSTANCE_ID: 'a' });
  const survivor = await startTestApp({ features: [directLineFeature], env: { DATABASE_URL: url, INSTANCE_ID: 'b' }, delivery: { policyOverrides: POLICY } });
  try {
    const marker = `【多实例崩溃${randomUUID().slice(0, 6)}】`;
    const conversations = await queueWebChatPush(db, 'crash', RECIPIENTS, marker);

    // Both drain (each finds the push at its next check); the child has sent some and holds claims. To kill the child while it holds claims, it is
    // frozen (SIGSTOP) first and the claims are counted while nothing of it moves; if its batch finished
    // between the look and the freeze, it is let go (SIGCONT) and looked at again.
    const claimsOfA = async () =>
      (await db.get<{ sent: number; sentByA: number; claimed: number }>(
        `SELECT COUNT(CASE WHEN status = 'sent' THEN 1 END) AS sent, COUNT(CASE WHEN status = 'sent' AND claimed_by = 'a' THEN 1 END) AS "sentByA",
                COUNT(CASE WHEN status = 'sending' AND claimed_by = 'a' THEN 1 END) AS claimed FROM deliveries`,
      ))!;
    await until(async () => {
      const before = await claimsOfA();
      if (before.sent < 300 || Number(before.sentByA) === 0 || Number(before.claimed) === 0) return false;
      doomed.kill('SIGSTOP');
      if (Number((await claimsOfA()).claimed) > 0) return true;
      doomed.kill('SIGCONT');
      return false;
    }, 'the child to be mid-push', 120_000);
    await killHard(doomed);
    const sentBeforeKill = await db.all<{ id: number; claimed_by: string; sent_at: string }>(
      `SELECT id, claimed_by, sent_at FROM deliveries WHERE status = 'sent' ORDER BY id`,
    );
    expect(sentBeforeKill.length).toBeLessThan(RECIPIENTS);

    await until(async () => {
      const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'`);
      return row!.n === RECIPIENTS;
    }, 'the survivor to send the rest', 120_000);

    // Every recipient has the message exactly once.
    const stored = await messagesPerConversation(db, marker);
    expect(conversations.filter((id) => stored.get(id) !== 1)).toEqual([]);
    // What was sent before the kill stayed as it was: recorded by its sender, never claimed again.
    const after = new Map(
      (await db.all<{ id: number; claimed_by: string; sent_at: string; attempts: number }>(`SELECT id, claimed_by, sent_at, attempts FROM deliveries`)).map((r) => [r.id, r]),
    );
    for (const row of sentBeforeKill) expect(after.get(row.id)).toEqual({ ...row, attempts: 1 });
    // Both instances sent part of the push; the dead one's lapsed claims were claimed a second time and sent by the survivor.
    const finals = [...after.values()];
    expect(finals.filter((r) => r.claimed_by === 'a').length).toBeGreaterThan(0);
    expect(finals.filter((r) => r.claimed_by === 'b').length).toBeGreaterThan(0);
    expect(finals.filter((r) => r.claimed_by === 'b' && r.attempts === 2).length).toBeGreaterThan(0);
    expect(finals.every((r) => r.claimed_by === 'a' || r.claimed_by === 'b')).toBe(true);
  } finally {
    await killHard(doomed);
    await survivor.app.close();
    await db.close();
  }
});

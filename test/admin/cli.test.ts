import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { api, removeDb, startAdminApp, tempDbPath } from './helpers';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function admin(dbPath: string, ...args: string[]) {
  return run(TSX, ['scripts/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, DB_PATH: dbPath, LOG_LEVEL: 'silent' } });
}

describe('npm run admin -- token …', () => {
  const dbPath = tempDbPath();
  afterAll(() => removeDb(dbPath));

  test('create prints the token once; it logs in with its role; revoke ends it; both are in the audit log', async () => {
    const created = await admin(dbPath, 'token', 'create', '--name', 'li.si', '--role', 'viewer');
    const token = /^(hbt_\S+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect((await admin(dbPath, 'token', 'list')).stdout).not.toContain(token!);

    const running = await startAdminApp({ dbPath });
    try {
      expect((await api(`${running.api}/me`, { token })).body).toEqual({ name: 'li.si', role: 'viewer' });
      await admin(dbPath, 'token', 'revoke', '--id', '1');
      expect((await api(`${running.api}/me`, { token })).status).toBe(401);
      const audit = await running.app.services.db.all<{ actor: string; action: string }>('SELECT actor, action FROM admin_audit_log ORDER BY id');
      expect(audit.map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
      expect(audit[0].actor).toMatch(/^cli:/);
    } finally {
      await running.close({ keepDb: true });
    }
    await expect(admin(dbPath, 'token', 'create', '--name', 'x y', '--role', 'root')).rejects.toMatchObject({ code: 2 });
  }, 60000);
});

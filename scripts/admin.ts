/**
 * Officials' console tokens from the command line (on the server, with access to the database):
 *
 *   npm run admin -- token create --name NAME --role viewer|editor|admin   prints the new token once
 *   npm run admin -- token list                                           names, roles, last use
 *   npm run admin -- token revoke --id ID
 *
 * Reads DATABASE_URL or DB_PATH from the environment or .env like the bot. Tokens are stored as SHA-256 hashes;
 * every change is written to the audit log as actor "cli".
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../src/config';
import { openDatabase } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';
import { TokenStore, validTokenName } from '../src/admin/tokens';
import { AuditLog } from '../src/officials/audit';
import { ROLES, isRole, type Actor } from '../src/officials/roles';

const USAGE = `用法 (usage):
  npm run admin -- token create --name NAME --role viewer|editor|admin
  npm run admin -- token list
  npm run admin -- token revoke --id ID`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [group, command] = positionals;
  if (values.help || group !== 'token' || !['create', 'list', 'revoke'].includes(command ?? '')) throw new UsageError(USAGE);

  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const tokens = new TokenStore(db);
    const audit = new AuditLog(db);
    const actor: Actor = { name: `cli:${os.userInfo().username}`, role: 'admin', source: 'cli' };

    if (command === 'create') {
      const name = values.name?.trim() ?? '';
      const role = values.role?.trim() ?? '';
      if (!validTokenName(name)) throw new UsageError('--name: 1–40 letters, digits, _ . @ -');
      if (!isRole(role)) throw new UsageError(`--role: one of ${ROLES.join(', ')}`);
      const { token, info } = await tokens.create(name, role, actor.name);
      await audit.record({ actor, action: 'token.create', target: `token:${info.id}`, details: { name, role } });
      console.log(`已创建令牌 #${info.id}（${name}，${role}）。令牌只显示这一次，请妥善保存：`);
      console.log(token);
    } else if (command === 'list') {
      const list = await tokens.list(true);
      if (!list.length) console.log('（数据库中还没有令牌；ADMIN_TOKENS 中的令牌不在此列）');
      for (const t of list) {
        const state = t.revokedAt ? `已吊销 ${t.revokedAt}` : `最近使用 ${t.lastUsedAt ?? '—'}`;
        console.log(`#${t.id}\t${t.name}\t${t.role}\t创建 ${t.createdAt} by ${t.createdBy}\t${state}`);
      }
    } else {
      const id = Number(values.id);
      if (!Number.isInteger(id) || id < 1) throw new UsageError('--id: the number shown by "token list"');
      if (!(await tokens.revoke(id))) throw new UsageError(`no active token #${id}`);
      await audit.record({ actor, action: 'token.revoke', target: `token:${id}` });
      console.log(`已吊销令牌 #${id}。`);
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error('admin failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});

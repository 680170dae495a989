// Runs before the test suite (`npm test`): the browser tests need Debian's Chromium and a CJK font,
// the PostgreSQL run a server of Debian's postgresql package (started by the test
// setup in a temporary folder), the two-instance proxy test Debian's nginx. Missing ones are installed
// when this user can (root, or password-less sudo); otherwise the run stops with one line saying what
// to install. No test is skipped for a missing package.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-microhei', 'postgresql', 'nginx'];
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const POSTGRES_ROOT = '/usr/lib/postgresql';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && /WenQuanYi/i.test(r.stdout);
}

/** initdb and pg_ctl of some installed version (or PG_BIN, as the test setup reads it). */
function hasPostgres() {
  const dirs = process.env.PG_BIN ? [process.env.PG_BIN] : fs.existsSync(POSTGRES_ROOT) ? fs.readdirSync(POSTGRES_ROOT).map((v) => `${POSTGRES_ROOT}/${v}/bin`) : [];
  return dirs.some((d) => fs.existsSync(`${d}/initdb`) && fs.existsSync(`${d}/pg_ctl`));
}

function missing() {
  const need = [];
  if (!fs.existsSync(CHROMIUM)) need.push('chromium');
  if (!hasCjkFont()) need.push('fonts-wqy-microhei');
  if (!hasPostgres()) need.push('postgresql');
  if (!NGINX.some((f) => fs.existsSync(f))) need.push('nginx');
  return need;
}

/** 'root', 'sudo' or undefined: how packages can be installed without asking for a password. */
function installer() {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return 'root';
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : undefined;
}

function apt(how, args) {
  const [cmd, argv] = how === 'sudo' ? ['sudo', ['-n', 'apt-get', ...args]] : ['apt-get', args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const need = missing();
if (need.length > 0) {
  const how = installer();
  const hint = `The tests need Debian's ${PACKAGES.join(', ')}: run "sudo apt-get install -y ${PACKAGES.join(' ')}" and then npm test again.`;
  if (!how) {
    console.error(hint);
    process.exit(1);
  }
  console.error(`Installing ${need.join(', ')} for the tests (apt-get)…`);
  try {
    apt(how, ['update', '-qq']);
    apt(how, ['install', '-y', '-qq', ...PACKAGES]);
  } catch {
    console.error(hint);
    process.exit(1);
  }
  const still = missing();
  if (still.length > 0) {
    console.error(`${still.join(', ')} still missing after apt-get. ${hint}`);
    process.exit(1);
  }
}

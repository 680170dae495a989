// Preloaded by bench/turn-sql.ts into the server: counts sqlite3 statements by text; SIGUSR2 writes them to /tmp/bench-sql-<pid>.json and starts over.
let sqlite3;
try { sqlite3 = require(require.resolve('sqlite3', { paths: [process.cwd()] })); } catch { return; }
const counts = new Map();
const sqlOf = new WeakMap();
const bump = (sql, kind, rows) => { const k = kind + ' ' + sql.replace(/\s+/g, ' ').slice(0, 160); const c = counts.get(k) ?? { n: 0, rows: 0 }; c.n++; c.rows += rows; counts.set(k, c); };
const D = sqlite3.Database.prototype, S = sqlite3.Statement.prototype;
const prep = D.prepare; D.prepare = function (sql, ...a) { const s = prep.call(this, sql, ...a); sqlOf.set(s, sql); return s; };
for (const m of ['run', 'get', 'all']) { const o = S[m]; S[m] = function (...a) { const sql = sqlOf.get(this) ?? '?'; const cb = a[a.length - 1]; if (typeof cb === 'function') a[a.length - 1] = function (err, rows) { bump(sql, m, Array.isArray(rows) ? rows.length : 0); return cb.apply(this, arguments); }; return o.apply(this, a); }; }
const ex = D.exec; D.exec = function (sql, ...a) { bump(sql, 'exec', 0); return ex.call(this, sql, ...a); };
process.on('SIGUSR2', () => { require('node:fs').writeFileSync(`/tmp/bench-sql-${process.pid}.json`, JSON.stringify([...counts].sort((a, b) => b[1].n - a[1].n), null, 1)); counts.clear(); });

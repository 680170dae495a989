import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';

export interface Route {
  method: string;
  path: string;
}

const SRC = path.resolve(__dirname, '../../src');
const CONSTANTS: Record<string, string> = {
  '${ADMIN_API}': '/admin/api',
  '${DIRECTLINE_BASE}': '/v3/directline',
  TOKEN_ENDPOINT: '/api/webchat/token',
  '${format}': 'csv',
};
const METHOD_OF: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE', opts: 'OPTIONS', head: 'HEAD' };

/** Every route the source registers (`server.get('/x'…)`, template paths resolved), plus known extras. */
export function discoverRoutes(): Route[] {
  const routes = new Map<string, Route>();
  const add = (method: string, route: string) => routes.set(`${method} ${route}`, { method, path: route });
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/server\.(get|post|put|patch|del|opts|head)\(\s*(?:(['`])([^'`]+)\2|(TOKEN_ENDPOINT))/g)) {
          let route = m[4] ? CONSTANTS.TOKEN_ENDPOINT : m[3];
          for (const [name, value] of Object.entries(CONSTANTS)) route = route.split(name).join(value);
          if (!route.includes('${')) add(METHOD_OF[m[1]], route);
        }
      }
    }
  };
  walk(SRC);
  add('POST', '/api/messages');
  add('GET', '/wechat/oa');
  add('POST', '/wechat/oa');
  return [...routes.values()].filter((r) => r.path !== '/static/webchat.js' && r.path !== '/admin/static/chart.umd.js');
}

export interface FuzzCredentials {
  adminToken?: string;
  conversationId?: string;
  conversationToken?: string;
}

export interface FuzzRequest {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body?: string;
}

const garbageSegment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('%E0%A4%A', '%', '%%', '..', '.', '%00', '%2F', 'a%20b', '٣', '中文', '-1', '0', '999999999999999999999', 'null', '[', 'http://[/x'),
  fc.string({ minLength: 200, maxLength: 3000 }),
);

function segment(name: string, creds: FuzzCredentials): fc.Arbitrary<string> {
  const known = name === 'conversationId' && creds.conversationId ? [fc.constant(creds.conversationId)] : [];
  const ids = fc.oneof(fc.nat({ max: 50 }).map(String), fc.constant('1'));
  return fc.oneof(...known, ids, garbageSegment.map((s) => encodeURIComponent(s)), garbageSegment);
}

/** A JSON text nested `depth` levels (built as text, so the generator itself cannot overflow). */
const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;

function bodies(creds: FuzzCredentials): fc.Arbitrary<string | undefined> {
  const activity = fc.record(
    {
      type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'invoke', 'conversationUpdate', 'endOfConversation', ''), fc.string()),
      text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('报名', '取消报名', '删除我的信息', '转人工', '13812345678'), fc.jsonValue()),
      value: fc.jsonValue({ maxDepth: 6 }),
      channelData: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ clientActivityID: fc.string() })),
      from: fc.oneof(fc.record({ id: fc.string(), name: fc.string() }), fc.jsonValue()),
      conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string(), fc.constant(creds.conversationId ?? 'c')) }), fc.jsonValue()),
      serviceUrl: fc.oneof(fc.constantFrom('http://127.0.0.1:9', 'http://10.0.0.1/x', 'javascript:alert(1)', ''), fc.string()),
      attachments: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }),
      entities: fc.jsonValue({ maxDepth: 3 }),
      locale: fc.oneof(fc.constant('zh-CN'), fc.string({ maxLength: 40 })),
      resume: fc.oneof(fc.string(), fc.constant(creds.conversationToken ?? '')),
      user: fc.oneof(fc.record({ id: fc.string(), name: fc.string() }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  const formLike = fc.record(
    {
      title: fc.string(),
      type: fc.oneof(fc.constantFrom('salon', 'training', 'jobfair', 'other'), fc.string()),
      startsAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
      endsAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
      capacity: fc.oneof(fc.integer(), fc.double(), fc.string()),
      name: fc.string(),
      role: fc.oneof(fc.constantFrom('viewer', 'editor', 'admin'), fc.string()),
      text: fc.string(),
      message: fc.string(),
      ids: fc.array(fc.oneof(fc.integer(), fc.string())),
      reason: fc.string(),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: activity.map((a) => JSON.stringify(a)) },
    { weight: 3, arbitrary: formLike.map((a) => JSON.stringify(a)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 8 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 500 }) },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 20000 }).map((d) => `{"type":"message","text":"x","value":${nested(d, '{"a":', '}')}}`) },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 20000 }).map((d) => nested(d, '[', ']')) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"type":', 'null', '[]', '""', '1e999999', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '\u0000') },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((kb) => JSON.stringify({ type: 'message', text: 'x'.repeat(kb * 1024) })) },
  );
}

/** A request for one route, with its path, query, headers and body all generated. */
export function requests(routes: Route[], creds: FuzzCredentials): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const pathArb = params.length
      ? fc.tuple(...params.map((p) => segment(p, creds))).map((values) => params.reduce((p, name, i) => p.replace(`:${name}`, values[i]), route.path))
      : fc.constant(route.path.replace('/*', '/x'));
    const query = fc.array(
      fc.tuple(fc.oneof(fc.constantFrom('watermark', 't', 'limit', 'offset', 'status', 'q', 'activityId', 'format', 'includeResolved', 'signature', 'timestamp', 'nonce', 'echostr'), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), garbageSegment)),
      { maxLength: 4 },
    );
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.constant(creds.adminToken ? `Bearer ${creds.adminToken}` : undefined),
      fc.constant(creds.conversationToken ? `Bearer ${creds.conversationToken}` : undefined),
      fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
      fc.constantFrom('Basic Zm9vOmJhcg==', 'Bearer', 'bearer  a b', `Bearer ${'A'.repeat(5000)}`),
    );
    const contentType = fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/xml', undefined), fc.string({ maxLength: 30 }));
    const extra = fc.array(
      fc.tuple(fc.constantFrom('Origin', 'X-Forwarded-For', 'X-Forwarded-Proto', 'Accept', 'If-None-Match', 'Range', 'Cookie', 'X-Requested-With'), fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('http://evil.example', 'null', '1.2.3.4, 5.6.7.8', 'bytes=0-1'))),
      { maxLength: 3 },
    );
    const method = fc.oneof({ weight: 6, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') });
    // Behind TRUST_PROXY=loopback every request comes from its own client, so limits keyed on the
    // client do not stop the fuzzer at the door (the console's login back-off would).
    const client = fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 255 })).map(([a, b, c]) => `10.${a}.${b}.${c}`);
    return fc.record({ method, pathname: pathArb, query, authorization, contentType, extra, client, body: bodies(creds) }).map((r) => {
      const search = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      const headers: Array<[string, string]> = [];
      if (r.authorization) headers.push(['Authorization', r.authorization]);
      if (r.contentType && r.body !== undefined) headers.push(['Content-Type', r.contentType]);
      headers.push(...r.extra);
      if (!r.extra.some(([name]) => name === 'X-Forwarded-For')) headers.push(['X-Forwarded-For', r.client]);
      return { method: r.method, target: search ? `${r.pathname}?${search}` : r.pathname, headers, body: r.body };
    });
  });
}

/** Header values go out as bytes; characters the wire cannot carry are replaced. */
const headerSafe = (value: string) => value.replace(/[\r\n\u0000]/g, ' ');

/** Sends one request over a raw socket (any target, any header) and resolves with its status (0: no answer). */
export function send(port: number, request: FuzzRequest, timeoutMs = 15000): Promise<number> {
  return new Promise((resolve) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const lines = [`${request.method} ${request.target.replace(/[\s]/g, '%20')} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
    for (const [name, value] of request.headers) lines.push(`${name}: ${headerSafe(value)}`);
    if (body) lines.push(`Content-Length: ${body.length}`);
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
    let data = '';
    let done = false;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve(match ? Number(match[1]) : 0);
    };
    const timer = setTimeout(finish, timeoutMs);
    // No half-close: Node's server drops a request whose client ended its side before the answer.
    socket.on('connect', () => socket.write(body ? Buffer.concat([head, body]) : head));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (/^HTTP\/1\.1 \d{3}/.test(data)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

export interface FuzzReport {
  sent: number;
  byStatus: Record<string, number>;
  /** requests answered with ≥ 500 or not at all */
  failures: Array<{ status: number; request: FuzzRequest }>;
  /** /healthz checks during the run: the slowest, in ms (-1 when one failed) */
  slowestHealthMs: number;
  routes: number;
}

/** Sends `count` generated requests (`concurrency` at a time), checking /healthz every 250 requests. */
export async function runFuzz(options: { port: number; count: number; seed: number; creds: FuzzCredentials; concurrency?: number }): Promise<FuzzReport> {
  const routes = discoverRoutes();
  const samples = fc.sample(requests(routes, options.creds), { numRuns: options.count, seed: options.seed });
  const report: FuzzReport = { sent: 0, byStatus: {}, failures: [], slowestHealthMs: 0, routes: routes.length };
  let next = 0;
  const worker = async () => {
    while (next < samples.length) {
      const index = next++;
      const request = samples[index];
      const status = await send(options.port, request);
      report.sent++;
      report.byStatus[String(status)] = (report.byStatus[String(status)] ?? 0) + 1;
      if (status === 0 || status >= 500) report.failures.push({ status, request: { ...request, body: request.body?.slice(0, 300) } });
      if (index % 250 === 0) {
        const started = Date.now();
        const healthy = await send(options.port, { method: 'GET', target: '/healthz', headers: [] }, 5000);
        const ms = Date.now() - started;
        report.slowestHealthMs = healthy === 200 && report.slowestHealthMs >= 0 ? Math.max(report.slowestHealthMs, ms) : -1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return report;
}

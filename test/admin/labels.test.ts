import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS, CANCEL_REASON_LABELS, REGISTRATION_STATUS_LABELS, TIER_SHORT } from '../../src/activities/copy';
import { ROLE_LABELS } from '../../src/officials/roles';
import {
  CHANNEL_LABELS,
  DELIVERY_KIND_LABELS,
  DELIVERY_STATUS_LABELS,
  TICKET_STATUS_LABELS,
  WECHAT_LOGIN_LABELS,
} from '../../src/admin/labels';
import { ACTIVITY_STATUSES, REGISTRATION_STATUSES } from '../../src/activities/types';
import { DELIVERY_STATUSES } from '../../src/delivery/types';
import { TICKET_STATUSES } from '../../src/handoff/tickets';
import { ROLES } from '../../src/officials/roles';
import { TOKENS, api, startAdminApp, type RunningAdminApp } from './helpers';

describe('GET /admin/api/labels: the one source of the console page labels', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  test('needs a token; any role may read it', async () => {
    expect((await api(`${running.api}/labels`)).status).toBe(401);
    for (const token of [TOKENS.viewer, TOKENS.editor, TOKENS.admin]) {
      expect((await api(`${running.api}/labels`, { token })).status).toBe(200);
    }
  });

  test('the maps are the TypeScript ones, and every code has a label', async () => {
    const { status, body } = await api(`${running.api}/labels`, { token: TOKENS.viewer });
    expect(status).toBe(200);
    expect(body).toEqual({
      activityTypes: ACTIVITY_TYPE_LABELS,
      activityStatuses: ACTIVITY_STATUS_LABELS,
      registrationStatuses: REGISTRATION_STATUS_LABELS,
      cancelReasons: CANCEL_REASON_LABELS,
      channels: CHANNEL_LABELS,
      roles: ROLE_LABELS,
      tiers: JSON.parse(JSON.stringify(TIER_SHORT)),
      ticketStatuses: TICKET_STATUS_LABELS,
      deliveryStates: DELIVERY_STATUS_LABELS,
      deliveryKinds: DELIVERY_KIND_LABELS,
      wechatLogin: WECHAT_LOGIN_LABELS,
    });
    expect(Object.keys(body.activityStatuses).sort()).toEqual([...ACTIVITY_STATUSES].sort());
    expect(Object.keys(body.registrationStatuses).sort()).toEqual([...REGISTRATION_STATUSES].sort());
    expect(Object.keys(body.deliveryStates).sort()).toEqual([...DELIVERY_STATUSES].sort());
    expect(Object.keys(body.ticketStatuses).sort()).toEqual([...TICKET_STATUSES].sort());
    expect(Object.keys(body.roles).sort()).toEqual([...ROLES].sort());
    expect(body.channels.directline).toBe('网页聊天');
    expect(body.tiers['1']).toBe('一类');
  });

  test('the page repeats no label map: its scripts carry none of the labels', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(__dirname, '..', '..', 'src', 'admin', 'public');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const maps = [ACTIVITY_TYPE_LABELS, ACTIVITY_STATUS_LABELS, REGISTRATION_STATUS_LABELS, CHANNEL_LABELS, CANCEL_REASON_LABELS, ROLE_LABELS, TICKET_STATUS_LABELS, DELIVERY_STATUS_LABELS, DELIVERY_KIND_LABELS, WECHAT_LOGIN_LABELS];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const map of maps) {
        for (const [code, label] of Object.entries(map)) {
          const pair = new RegExp(`['"]?${code}['"]?\\s*:\\s*['"]${label}['"]`);
          expect({ file, code, repeated: pair.test(text) }).toEqual({ file, code, repeated: false });
        }
      }
    }
  });
});

describe('the console page: ES modules served by the bot under a strict CSP', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  test('the page loads its scripts from this server only, as modules, with no inline script', async () => {
    const page = await fetch(`${running.url}/admin`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/admin\/static\//);
      expect(body.trim()).toBe('');
    }
    expect(html).toContain('<script type="module" src="/admin/static/js/main.js"></script>');
  });

  test('every module and every module it imports is served as JavaScript', async () => {
    const { consoleModules } = await import('../../src/admin/api/consoleRoutes');
    const modules = consoleModules();
    expect(modules).toEqual(expect.arrayContaining(['main.js', 'api.js', 'dom.js', 'dashboard.js', 'activities.js', 'registrations.js', 'notifications.js', 'tickets.js', 'unanswered.js', 'tokens.js']));
    for (const file of modules) {
      const res = await fetch(`${running.url}/admin/static/js/${file}`);
      expect({ file, status: res.status, type: res.headers.get('content-type') }).toEqual({ file, status: 200, type: 'application/javascript; charset=utf-8' });
      const text = await res.text();
      for (const [, imported] of text.matchAll(/^import [^;]*?'\.\/([\w.]+)';$/gm)) expect(modules).toContain(imported);
      // Data goes on the page as text only.
      expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
    expect((await fetch(`${running.url}/admin/static/js/..%2Findex.html`)).status).toBe(404);
    expect((await fetch(`${running.url}/admin/static/admin.js`)).status).toBe(404);
  });
});

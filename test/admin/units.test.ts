import { LoginThrottle } from '../../src/http/loginThrottle';
import { parseEnvTokens, hashToken } from '../../src/admin/tokens';
import { composeNotification } from '../../src/notifications/compose';
import { parseContact, checkQuestion } from '../../dialogs/handoff/contact';
import { parseYesNo } from '../../dialogs/subscription/subscribeDialog';
import { roleAllows } from '../../src/officials/roles';
import type { Activity } from '../../src/activities/types';

describe('console building blocks', () => {
  test('ADMIN_TOKENS: well-formed entries are kept (a token may contain colons), bad ones skipped', () => {
    const tokens = parseEnvTokens(['alice:admin:0123456789abcdef:with:colons', 'bob:root:0123456789abcdef', 'carol:viewer:short', 'no-role-here', ':editor:0123456789abcdef']);
    expect(tokens.map((t) => [t.name, t.role])).toEqual([['alice', 'admin']]);
    expect(tokens[0].hash.equals(hashToken('0123456789abcdef:with:colons'))).toBe(true);
  });

  test('roles are ordered viewer < editor < admin', () => {
    expect(roleAllows('viewer', 'editor')).toBe(false);
    expect(roleAllows('editor', 'editor')).toBe(true);
    expect(roleAllows('admin', 'viewer')).toBe(true);
  });

  test('failed logins back off exponentially per address; other addresses are not held back', () => {
    let now = 1000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 5; i++) {
      expect(throttle.blocked('1.2.3.4', 'wrong-token-guess')).toBeUndefined();
      throttle.recordFailure('1.2.3.4', 'wrong-token-guess');
    }
    expect(throttle.blocked('1.2.3.4', 'x')).toBe(1);
    expect(throttle.blocked('5.6.7.8', 'wrong-token-guess')).toBeUndefined();
    now += 1000;
    throttle.recordFailure('1.2.3.4', 'x');
    expect(throttle.blocked('1.2.3.4', 'x')).toBe(2);
  });

  test('the contact answer: in the conversation, name and mobile in either order, a wrong number explained', () => {
    expect(parseContact('本会话回复即可')).toEqual({ kind: 'chat' });
    expect(parseContact('王先生 139-1234-5678')).toEqual({ kind: 'phone', name: '王先生', mobile: '13912345678' });
    expect(parseContact('13912345678，李女士')).toEqual({ kind: 'phone', name: '李女士', mobile: '13912345678' });
    expect(parseContact('手机：+86 13912345678')).toEqual({ kind: 'phone', name: undefined, mobile: '13912345678' });
    expect(parseContact('留下姓名和手机号')).toEqual({ kind: 'phone' });
    expect(parseContact('王先生 1391234')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('11 位') });
    expect(parseContact('随便')).toEqual({ kind: 'unclear' });
    expect(parseContact('')).toEqual({ kind: 'unclear' });
  });

  test('questions: any words up to 2000 characters; nothing but emoji or punctuation is not a question', () => {
    expect(checkQuestion('  深度诊断怎么报名？ ')).toEqual({ ok: true, value: '深度诊断怎么报名？' });
    expect(checkQuestion('😀？？')).toEqual({ ok: false, reason: 'empty' });
    expect(checkQuestion('问'.repeat(2001))).toEqual({ ok: false, reason: 'too_long', length: 2001 });
  });

  test('yes / no to the subscription notice', () => {
    expect(parseYesNo('确认订阅')).toBe('yes');
    expect(parseYesNo('好的！')).toBe('yes');
    expect(parseYesNo('暂不订阅')).toBe('no');
    expect(parseYesNo('不用了')).toBe('no');
    expect(parseYesNo('研发费用怎么加计扣除')).toBeUndefined();
  });

  test('a notification about an open activity carries its facts and the sign-up button; a closed one does not', () => {
    const now = new Date('2030-06-03T02:00:00Z');
    const activity: Activity = {
      id: 1,
      type: 'training',
      title: '申报辅导',
      description: '',
      startsAt: '2030-06-18T06:00:00.000Z',
      endsAt: '2030-06-18T08:00:00.000Z',
      place: '企服中心',
      capacity: 30,
      signupDeadline: '2030-06-17T06:00:00.000Z',
      seatsPerEnterprise: 2,
      status: 'published',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const open = composeNotification('  欢迎报名  ', activity, now);
    expect(open.message.split('\n')).toEqual([
      '【汇计划活动通知】',
      '欢迎报名',
      '',
      '活动：申报辅导（培训辅导）',
      '时间：6月18日（周二）14:00–16:00',
      '地点：企服中心',
      '报名截止：6月17日（周一）14:00',
      '回复“报名：申报辅导”即可报名。',
      '',
      '如不想再收到活动通知，回复“退订”即可。',
    ]);
    expect(open.actions).toEqual(['报名：申报辅导']);
    const closed = composeNotification('提醒', { ...activity, signupDeadline: '2030-06-01T00:00:00.000Z' }, now);
    expect(closed.actions).toEqual([]);
    expect(closed.message).not.toContain('即可报名');
  });
});

import type { IncomingMessage } from 'node:http';
import { parseTrustProxy, resolveClientAddress } from '../../src/http/clientAddress';
import { jsonShapeProblem } from '../../src/http/jsonLimits';
import { LoginThrottle } from '../../src/http/loginThrottle';
import { isLoopbackServiceUrl } from '../../src/channels/botframework';
import { streamConversationId } from '../../src/channels/directline/stream';
import { loadConfig, ConfigError } from '../../src/config';

const request = (peer: string, forwarded?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('building blocks of the hardening', () => {
  test('TRUST_PROXY: none, hop counts and ranges; spoofed entries to the left of a trusted hop are ignored', () => {
    const none = parseTrustProxy('');
    expect(resolveClientAddress(request('::ffff:10.0.0.2', '1.2.3.4'), none)).toBe('10.0.0.2');
    const oneHop = parseTrustProxy('1');
    expect(resolveClientAddress(request('10.0.0.2', '6.6.6.6, 1.2.3.4'), oneHop)).toBe('1.2.3.4');
    expect(resolveClientAddress(request('10.0.0.2'), oneHop)).toBe('10.0.0.2');
    const ranges = parseTrustProxy('loopback, 10.0.0.0/8');
    expect(resolveClientAddress(request('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.1.1.1'), ranges)).toBe('1.2.3.4');
    expect(resolveClientAddress(request('8.8.8.8', '1.2.3.4'), ranges)).toBe('8.8.8.8');
    expect(resolveClientAddress(request('127.0.0.1', 'garbage, 1.2.3.4'), ranges)).toBe('1.2.3.4');
    expect(resolveClientAddress(request('127.0.0.1', '1.2.3.4, garbage'), ranges)).toBe('127.0.0.1');
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/prefix/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(ConfigError);
  });

  test('JSON shape: depth and size are checked without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(jsonShapeProblem(deep)).toBe('too_deep');
    expect(jsonShapeProblem(Array.from({ length: 30_000 }, (_, i) => i))).toBe('too_many');
    expect(jsonShapeProblem({ type: 'message', value: { a: [1, { b: 2 }] } })).toBeUndefined();
  });

  test('login back-off: a clean address presenting a guessed prefix is still checked; the guesser waits longer each time', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 8; i++) throttle.recordFailure('6.6.6.6', 'hbt_AAAAAAAAguess');
    expect(throttle.blocked('6.6.6.6', 'hbt_AAAAAAAAvalid')).toBe(8);
    expect(throttle.blocked('1.1.1.1', 'hbt_AAAAAAAAvalid')).toBeUndefined();
    now += 8000;
    expect(throttle.blocked('6.6.6.6', 'other')).toBeUndefined();
    throttle.recordFailure('6.6.6.6', 'other');
    expect(throttle.blocked('6.6.6.6', 'other')).toBe(16);
    throttle.recordSuccess('6.6.6.6');
    expect(throttle.blocked('6.6.6.6', 'other')).toBeUndefined();
  });

  test('loopback serviceUrls and stream targets', () => {
    expect(['http://127.0.0.1:3978/x', 'http://localhost/x', 'https://[::1]:9/', 'http://127.8.9.10/'].every(isLoopbackServiceUrl)).toBe(true);
    expect(['http://127.0.0.1.evil.example/', 'http://10.0.0.1/', 'ftp://127.0.0.1/', 'nonsense'].some(isLoopbackServiceUrl)).toBe(false);
    expect(streamConversationId('/v3/directline/conversations/abc/stream?t=1')).toBe('abc');
    expect(streamConversationId('/v3/directline/conversations/%E0%A4%A/stream')).toBeNull();
    expect(streamConversationId('/elsewhere')).toBeUndefined();
    expect(streamConversationId('http://[/x')).toBeUndefined();
  });

  test('production without app credentials is refused unless /api/messages is off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId/);
    expect(loadConfig({ NODE_ENV: 'production', BOTFRAMEWORK_ENABLED: 'false' }).BOTFRAMEWORK_ENABLED).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }).MicrosoftAppId).toBe('app');
  });
});

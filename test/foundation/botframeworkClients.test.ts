/**
 * /api/messages replies go through botbuilder's ConnectorClient. CloudAdapter would build a new one
 * (a whole HTTP pipeline) and a new UserTokenClient for every turn; ReusedClientsAuthentication
 * hands out one per serviceUrl, audience and app id, and still checks every request as botbuilder does.
 */
import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../src/channels/botframework';

function anonymous(): ReusedClientsAuthentication {
  return new ReusedClientsAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '' });
}

function activity(serviceUrl: string): Activity {
  return {
    type: 'message',
    id: 'a1',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'c1' },
    from: { id: 'u1' },
    recipient: { id: 'bot' },
    text: '你好',
  } as Activity;
}

describe('ReusedClientsAuthentication', () => {
  test('turns to the same serviceUrl get the same connector client; another serviceUrl gets its own', async () => {
    const auth = anonymous();
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:4000'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:4000'), '');
    expect(second.connectorFactory).toBe(first.connectorFactory);
    const a = await first.connectorFactory!.create('http://127.0.0.1:4000', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:4000', second.audience);
    const other = await second.connectorFactory!.create('http://127.0.0.1:4001', second.audience);
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    expect((other as unknown as { baseUri?: string }).baseUri).toBe('http://127.0.0.1:4001');
  });

  test('proactive turns (createConnectorFactory) and user token clients are reused too', async () => {
    const auth = anonymous();
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:4000'), '');
    expect(auth.createConnectorFactory(claimsIdentity)).toBe(auth.createConnectorFactory(claimsIdentity));
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  test('with an app id, a request without a valid token is still refused', async () => {
    const auth = new ReusedClientsAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/apis/'), '')).rejects.toThrow(/Unauthorized/);
    await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/apis/'), 'Bearer not-a-jwt')).rejects.toThrow();
  });
});

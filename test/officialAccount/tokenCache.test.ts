import { AccessTokenCache } from '../../src/channels/officialAccount/accessToken';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';

describe('access token cache', () => {
  let db: Database;
  let now = 1_000_000;
  let issued = 0;
  let calls: boolean[];
  const fetchToken = async (force: boolean) => {
    calls.push(force);
    await new Promise((r) => setTimeout(r, 20));
    return { accessToken: `T${++issued}`, expiresIn: 7200 };
  };
  const cache = () => new AccessTokenCache({ db, appId: 'wx1234567890abcdef', fetchToken, now: () => now, minForceIntervalMs: 0 });

  beforeEach(async () => {
    db = await Database.open(':memory:');
    await migrate(db);
    calls = [];
    issued = 0;
    now = 1_000_000;
  });
  afterEach(() => db.close());

  test('concurrent callers share one fetch; the token is kept in the database for the next process', async () => {
    const first = cache();
    const tokens = await Promise.all([first.get(), first.get(), first.get()]);
    expect(tokens).toEqual(['T1', 'T1', 'T1']);
    expect(calls).toEqual([false]);
    expect(await cache().get()).toBe('T1');
    expect(calls).toHaveLength(1);
  });

  test('near its expiry the token is fetched again', async () => {
    const c = cache();
    await c.get();
    now += 7200_000 - 4 * 60_000;
    expect(await c.get()).toBe('T2');
  });

  test('a rejected token is refreshed once for all concurrent senders', async () => {
    const c = cache();
    const rejected = await c.get();
    const fresh = await Promise.all([c.refresh(rejected), c.refresh(rejected), c.refresh(rejected)]);
    expect(new Set(fresh)).toEqual(new Set(['T2']));
    expect(calls).toEqual([false, false]);
    // A caller that comes late with the old token gets the new one without a fetch.
    expect(await c.refresh(rejected)).toBe('T2');
    expect(calls).toHaveLength(2);
  });

  test('when stable_token hands back the rejected token, a forced refresh follows', async () => {
    let n = 0;
    const sticky = new AccessTokenCache({
      db,
      appId: 'wx1234567890abcdef',
      now: () => now,
      minForceIntervalMs: 0,
      fetchToken: async (force) => {
        calls.push(force);
        return { accessToken: force ? `NEW${++n}` : 'SAME', expiresIn: 7200 };
      },
    });
    expect(await sticky.get()).toBe('SAME');
    expect(await sticky.refresh('SAME')).toBe('NEW1');
    expect(calls).toEqual([false, false, true]);
  });
});

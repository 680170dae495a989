import { startTestApp } from '../helpers/testApp';

const expectedEngine = process.env.HUIBOT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

test('/healthz names the engine and the instance (INSTANCE_ID, else a random id per process)', async () => {
  const named = await startTestApp({ env: { INSTANCE_ID: 'web-2' } });
  const unnamed = await startTestApp();
  try {
    const health = await (await fetch(`${named.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'ok', engine: expectedEngine, instance: 'web-2' });
    const other = await (await fetch(`${unnamed.url}/healthz`)).json();
    expect(other.engine).toBe(expectedEngine);
    expect(other.instance).toMatch(/^[0-9a-f]{8}$/);
  } finally {
    await named.app.close();
    await unnamed.app.close();
  }
});

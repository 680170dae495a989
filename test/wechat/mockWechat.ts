import { WechatyBuilder, types, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Pacing } from '../../src/channels/wechat/pacing';

type ContactMock = InstanceType<typeof mock.ContactMock>;
type RoomMock = InstanceType<typeof mock.RoomMock>;
type MessageMock = InstanceType<typeof mock.MessageMock>;

/** Polls until `check` returns a truthy value (no fixed sleeps in assertions). */
export async function waitUntil<T>(check: () => T | Promise<T>, what: string, timeoutMs = 8000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A WeChat world on wechaty-puppet-mock: the bot's account, a Wechaty built on it, and helpers to
 * create people and rooms and to read what the bot said to them.
 */
export class MockWechat {
  readonly mocker = new mock.Mocker();
  readonly puppet = new PuppetMock({ mocker: this.mocker });
  readonly wechaty: Wechaty = WechatyBuilder.build({ puppet: this.puppet });
  readonly botUser: ContactMock;

  constructor(botId?: string) {
    this.botUser = this.mocker.createContact({ ...(botId ? { id: botId } : {}), name: '汇计划助手' });
  }

  /** Logs the bot account in (wechaty must be started); `ready()` never resolves on the mock, `login` does. */
  async login(): Promise<void> {
    const loggedIn = new Promise<void>((resolve) => this.wechaty.once('login', () => resolve()));
    this.mocker.login(this.botUser);
    await loggedIn;
  }

  person(name: string, extra: { id?: string; alias?: string } = {}): Person {
    return new Person(this, this.mocker.createContact({ name, ...extra }));
  }

  group(topic: string, members: Person[]): Group {
    const room = this.mocker.createRoom({ topic, memberIdList: [this.botUser.id, ...members.map((m) => m.contact.id)] });
    return new Group(this, room);
  }

  /** Delivers a message as the puppet would, e.g. an old one or a picture. */
  inject(payload: { talker: Person; type?: types.Message; text?: string; timestamp?: number }): string {
    const id = `injected-${Math.random().toString(36).slice(2)}`;
    const message = this.mocker.MessageMock.create({
      id,
      talkerId: payload.talker.contact.id,
      listenerId: this.botUser.id,
      timestamp: payload.timestamp ?? Date.now(),
      type: payload.type ?? types.Message.Text,
      text: payload.text,
    } as never);
    this.puppet.emit('message', { messageId: message.id });
    return id;
  }
}

/** A WeChat user: says things to the bot and collects the bot's replies. */
export class Person {
  readonly received: string[] = [];

  constructor(
    private readonly world: MockWechat,
    readonly contact: ContactMock,
  ) {
    contact.on('message', (message: MessageMock) => {
      if (message.payload.talkerId === world.botUser.id && message.payload.listenerId === contact.id) {
        this.received.push(message.payload.text ?? '');
      }
    });
  }

  get id(): string {
    return this.contact.id;
  }

  say(text: string): void {
    this.contact.say(text).to(this.world.botUser);
  }

  /** Waits for the bot's next `count` messages after `from` and returns them. */
  async replies(count: number, from = 0): Promise<string[]> {
    await waitUntil(() => this.received.length >= from + count, `${count} replies to ${this.contact.payload.name}`);
    return this.received.slice(from, from + count);
  }

  /** Says `text` and returns the bot's next `count` replies. */
  async ask(text: string, count = 1): Promise<string[]> {
    const from = this.received.length;
    this.say(text);
    return this.replies(count, from);
  }
}

/** A WeChat group with the bot in it. */
export class Group {
  readonly received: string[] = [];

  constructor(
    private readonly world: MockWechat,
    readonly room: RoomMock,
  ) {
    room.on('message', (message: MessageMock) => {
      if (message.payload.talkerId === world.botUser.id) this.received.push(message.payload.text ?? '');
    });
  }

  /** `member` says `text` in the group, @-mentioning the bot when `mentionBot`. */
  say(member: Person, text: string, mentionBot: boolean): void {
    if (mentionBot) member.contact.say(`@汇计划助手\u2005${text}`, [this.world.botUser]).to(this.room);
    else member.contact.say(text).to(this.room);
  }
}

/**
 * A clock whose time moves only when the test says so: sleeps resolve when `advance` passes their
 * deadline (or their signal aborts), so gaps, back-off and the daily cap are checked without waiting.
 */
export class FakeClock implements Pacing {
  time: number;
  readonly sleeps: Array<{ ms: number; until: number; resolve: () => void }> = [];
  readonly requested: number[] = [];
  private randoms: number[] = [];

  constructor(start = new Date(2026, 2, 2, 9, 0, 0).getTime()) {
    this.time = start;
  }

  now = (): number => this.time;

  random = (): number => this.randoms.shift() ?? 0.5;

  /** The next values random() returns. */
  queueRandom(...values: number[]): void {
    this.randoms.push(...values);
  }

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      this.requested.push(ms);
      if (signal?.aborted || ms <= 0) return resolve();
      const entry = { ms, until: this.time + ms, resolve };
      this.sleeps.push(entry);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.sleeps.indexOf(entry);
          if (i >= 0) this.sleeps.splice(i, 1);
          resolve();
        },
        { once: true },
      );
    });

  advance(ms: number): void {
    this.time += ms;
    for (const entry of [...this.sleeps]) {
      if (entry.until <= this.time) {
        this.sleeps.splice(this.sleeps.indexOf(entry), 1);
        entry.resolve();
      }
    }
  }
}

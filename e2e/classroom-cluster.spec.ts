import { expect, test } from '@playwright/test';
import type { RoomEntry } from '@/lib/room/protocol';
import type { RoomState } from '@/lib/room/state';
import type * as FollowerModule from '../bench/lib/room-follower.mjs';
import type * as ClusterScript from '../scripts/cluster.mjs';

/**
 * The classroom across several instances: two production servers (`node server.mjs`) sharing one
 * Redis, behind nginx (deploy/nginx.conf.template), all started here by scripts/cluster.mjs on
 * free ports. API only, no browser: each student is an event-stream reader that does what an
 * EventSource does (on an error or an end, wait the `retry:` and reconnect with `Last-Event-ID`).
 * The suite's own web server (playwright.config.ts) is not used.
 */

// Loaded with import() in beforeAll: Playwright would compile a static import of an .mjs into require().
type ClusterModule = typeof ClusterScript;
type Cluster = Awaited<ReturnType<ClusterModule['startCluster']>>;
type Instance = Cluster['instances'][number];
type RoomFollower = ReturnType<typeof FollowerModule.followRoom>;

let followRoom: typeof FollowerModule.followRoom;

let cluster: Cluster;
let A: Instance;
let B: Instance;

/** A student's event stream, read as an EventSource would read it (bench/lib/room-follower.mjs). */
class Student {
  readonly entries: RoomEntry[] = [];
  readonly snapshots: { room: RoomState; at: number }[] = [];
  /** When each entry arrived (Date.now()), by seq; the first arrival if one came twice. */
  readonly arrivals = new Map<number, number>();
  /** Every response's status, and the base URL it came from, in order. */
  readonly connections: { base: string; status: number }[] = [];
  readonly errors: string[] = [];
  private readonly follower: RoomFollower;

  constructor(
    readonly name: string,
    readonly code: string,
    firstBase: string,
    reconnectBase: string = firstBase,
  ) {
    this.follower = followRoom({
      base: firstBase,
      reconnectBase,
      code,
      onSnapshot: (room, at) => this.snapshots.push({ room, at }),
      onEntry: (entry, at) => {
        this.entries.push(entry);
        if (!this.arrivals.has(entry.seq)) this.arrivals.set(entry.seq, at);
      },
      onConnection: (connection) => this.connections.push(connection),
      onError: (reason) => this.errors.push(reason),
    });
  }

  /** The run's trace as short words: `open`, `Message 0` …, `end:complete`. */
  trace(run: number): string[] {
    return this.entries.flatMap((entry) => {
      if (entry.body.kind !== 'trace' || entry.body.run !== run) return [];
      const event = entry.body.event;
      if (event.type === 'frame') return [event.data];
      if (event.type === 'end') return [`end:${event.reason}`];
      if (event.type === 'error') return [`error:${event.message}`];
      return [event.type];
    });
  }

  /** When the entry whose trace word is `word` arrived, if it did. */
  arrivalOf(run: number, word: string): number | undefined {
    const entry = this.entries.find(
      (candidate) => candidate.body.kind === 'trace' && candidate.body.run === run && wordOf(candidate) === word,
    );
    return entry ? this.arrivals.get(entry.seq) : undefined;
  }

  /** One snapshot, then every entry after it exactly once, numbered without a gap. */
  expectContiguous() {
    expect(this.snapshots, `${this.name}: one snapshot (a reconnect resumes by Last-Event-ID)`).toHaveLength(1);
    const first = this.snapshots[0]!.room.seq;
    const seqs = this.entries.map((entry) => entry.seq);
    const expected = Array.from({ length: seqs.length }, (_, k) => first + 1 + k);
    expect(seqs, `${this.name}: entries after the snapshot's ${first}, in order, none missing or repeated`).toEqual(expected);
  }

  close() {
    this.follower.close();
  }
}

function wordOf(entry: RoomEntry): string | null {
  if (entry.body.kind !== 'trace') return null;
  const event = entry.body.event;
  if (event.type === 'frame') return event.data;
  if (event.type === 'end') return `end:${event.reason}`;
  return event.type;
}

const messages = (n: number) => Array.from({ length: n }, (_, i) => `Message ${i}`);

/** Opens a room through `base`; the presenter's cookie, as a `Cookie` header. */
async function openRoom(base: string): Promise<{ code: string; cookie: string }> {
  const response = await fetch(`${base}/api/rooms`, { method: 'POST' });
  expect(response.status).toBe(201);
  const { code } = (await response.json()) as { code: string };
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toContain(`stepstream-presenter-${code}=`);
  expect(setCookie).toContain('HttpOnly');
  expect(setCookie).toContain('SameSite=Strict');
  return { code, cookie: setCookie.split(';')[0]! };
}

/** A presenter's command: its status and JSON answer. */
async function command(base: string, code: string, cookie: string | null, body: unknown, raw?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (cookie) headers.Cookie = cookie;
  const response = await fetch(`${base}/api/rooms/${code}/commands`, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // nginx's own pages are HTML
  }
  return { status: response.status, json, text };
}

/** A command that must succeed; the seq of its (last) entry. */
async function commandOk(base: string, code: string, cookie: string, body: unknown): Promise<number> {
  const answer = await command(base, code, cookie, body);
  expect(answer.status, `${JSON.stringify(body)} -> ${answer.text}`).toBe(200);
  return answer.json!.seq as number;
}

/** Waits until every student passes `check`; the message names those that do not. */
async function waitForAll(students: Student[], what: string, check: (student: Student) => boolean, timeout = 10_000) {
  await expect
    .poll(
      () =>
        students
          .filter((student) => !check(student))
          .map((student) => `${student.name} (has ${JSON.stringify(student.entries.map(wordOrKind))})`),
      {
        message: `every student ${what}`,
        timeout,
        intervals: [20],
      },
    )
    .toEqual([]);
}

const wordOrKind = (entry: RoomEntry) => `${entry.seq}:${wordOf(entry) ?? entry.body.kind}`;

/** Connects `students` and waits for each one's snapshot. */
async function connected(students: Student[]) {
  await waitForAll(students, 'got its snapshot', (student) => student.snapshots.length === 1);
  return students;
}

/** A figure worth seeing in the report (and in the line reporter's output). */
function note(text: string) {
  test.info().annotations.push({ type: 'measured', description: text });
  console.log(`  ${text}`);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

test.beforeAll(async () => {
  const { missingPieces, startCluster }: ClusterModule = await import('../scripts/cluster.mjs');
  ({ followRoom } = await import('../bench/lib/room-follower.mjs'));
  const missing = missingPieces({ redis: true, nginx: true });
  if (missing) throw new Error(`classroom-cluster.spec.ts cannot run: ${missing}`);
  cluster = await startCluster({ instances: 2, redis: true, nginx: true });
  [A, B] = cluster.instances as [Instance, Instance];
});

test.afterAll(async () => {
  await cluster?.stop();
});

// @serial: it times each Step to every screen and runs two instances, nginx and Redis of its own,
// which a second worker's browsers would slow past its bounds.
test.describe('the classroom on two instances behind nginx, sharing Redis', { tag: '@serial' }, () => {
  test('every student, on either instance, gets every Step’s frame in order, pushed as the command is answered', async () => {
    const { code, cookie } = await openRoom(A.url);
    const students = await connected([
      ...[1, 2, 3, 4].map((k) => new Student(`nginx-${k}`, code, cluster.url)),
      new Student('direct-B-1', code, B.url),
      new Student('direct-B-2', code, B.url),
    ]);

    const run = await commandOk(A.url, code, cookie, { type: 'run', params: { n: 3, delay: 1000, template: 'Message {i}', mode: 'step' } });
    await waitForAll(students, 'got the open', (student) => student.trace(run).includes('open'));

    const expected = ['open', ...messages(3), 'end:complete'];
    for (let step = 1; step <= 4; step++) {
      const word = expected[step]!;
      // Through B: the generator runs on A, so the Step reaches it only through Redis.
      await commandOk(B.url, code, cookie, { type: 'step' });
      const answeredAt = Date.now();
      await waitForAll(students, `got “${word}”`, (student) => student.arrivalOf(run, word) !== undefined);
      const lags = students.map((student) => student.arrivalOf(run, word)! - answeredAt);
      note(`step ${step} (“${word}”): last student ${Math.max(...lags)} ms after the command's response`);
      for (const student of students) {
        const lag = student.arrivalOf(run, word)! - answeredAt;
        // Generous (see classroom.spec.ts): bench:room measures the figure; this tells "pushed" from "never".
        expect(lag, `${student.name}: “${word}” ${lag} ms after step ${step}'s response`).toBeLessThanOrEqual(5000);
      }
    }

    for (const student of students) {
      expect(student.trace(run), student.name).toEqual(expected);
      student.expectContiguous();
      expect(student.errors, `${student.name} never lost its stream`).toEqual([]);
      student.close();
    }

    // nginx spread its four over both instances (its log line is written when a stream ends).
    const upstreams = () =>
      new Set(
        cluster
          .nginx!.accessLog()
          .split('\n')
          .filter((line) => line.includes(`/api/rooms/${code}/events`))
          .map((line) => line.match(/upstream=(\S+)/)?.[1]),
      );
    await expect
      .poll(() => [...upstreams()].sort(), { message: 'nginx sent students to both instances' })
      .toEqual([`127.0.0.1:${A.port}`, `127.0.0.1:${B.port}`].sort());
  });

  test('a late joiner gets a snapshot that already holds the frames so far, then the rest live', async () => {
    const { code, cookie } = await openRoom(A.url);
    const [early] = await connected([new Student('early', code, cluster.url)]);
    const run = await commandOk(A.url, code, cookie, { type: 'run', params: { n: 3, delay: 1000, template: 'Message {i}', mode: 'step' } });
    await commandOk(cluster.url, code, cookie, { type: 'step' });
    await commandOk(cluster.url, code, cookie, { type: 'step' });
    await waitForAll([early!], 'got Message 1', (student) => student.trace(run).includes('Message 1'));

    const late = await connected([new Student('late-nginx', code, cluster.url), new Student('late-B', code, B.url)]);
    for (const student of late) {
      const { room } = student.snapshots[0]!;
      expect(room.run, student.name).toBe(run);
      expect(room.status, student.name).toBe('open');
      expect(
        room.events.map((event) => (event.type === 'frame' ? event.data : event.type)),
        student.name,
      ).toEqual(['open', 'Message 0', 'Message 1']);
    }

    await commandOk(cluster.url, code, cookie, { type: 'step' });
    await commandOk(cluster.url, code, cookie, { type: 'step' });
    await waitForAll(late, 'got the end', (student) => student.trace(run).includes('end:complete'));
    for (const student of late) {
      expect(student.trace(run), student.name).toEqual(['Message 2', 'end:complete']);
      student.expectContiguous();
    }
    for (const student of [early!, ...late]) student.close();
  });

  test('in browsers: the presenter on one instance, students on the other and through nginx, each Step pushed to every screen, a latecomer at the same step', async ({
    browser,
  }) => {
    /** A person with a browser of their own (cookies included). */
    const someone = async () => (await browser.newContext()).newPage();
    const presenter = await someone();
    await presenter.goto(`${A.url}/room`);
    await presenter.getByRole('button', { name: 'Open a room' }).click();
    await expect(presenter).toHaveURL(/\/room\/[A-Z0-9]{6}$/);
    const code = presenter.url().split('/').at(-1)!;
    const students = [await someone(), await someone()];
    await students[0]!.goto(`${B.url}/join/${code}`);
    await students[1]!.goto(`${cluster.url}/join/${code}`);
    for (const page of [presenter, ...students]) await expect(page.getByText('Live', { exact: true })).toBeVisible();
    await expect(presenter.getByText('2 students following')).toBeVisible();

    const rows = (page: typeof presenter) => page.getByRole('table', { name: 'Execution Table' }).locator('tbody tr[data-step]');
    await presenter.getByRole('switch', { name: 'Step mode' }).click();
    await presenter.getByRole('button', { name: 'Run for the room' }).click();
    for (const page of students) await expect(rows(page)).toHaveCount(1);
    const lags: number[] = [];
    for (const count of [2, 3]) {
      const stepped = Date.now();
      await presenter.getByRole('button', { name: 'Step', exact: true }).click();
      for (const page of students) await expect(rows(page)).toHaveCount(count);
      lags.push(Date.now() - stepped);
    }
    note(`in browsers, Step on A → both students' tables (on B and through nginx): ${lags.join(', ')} ms`);
    for (const lag of lags) expect(lag, 'each Step on every screen within a few seconds').toBeLessThan(5000);

    const late = await someone();
    await late.goto(`${cluster.url}/join/${code}`);
    await expect(rows(late)).toHaveCount(3);
    await expect(late.getByRole('table', { name: 'Execution Table' })).toContainText('Message 1');
    const refused = await students[0]!.request.post(`${B.url}/api/rooms/${code}/commands`, { data: { type: 'step' } });
    expect(refused.status()).toBe(403);
  });

  test('only the presenter commands: 403 without the cookie or with another room’s; 404, 400 and 413 as the API says', async () => {
    const room = await openRoom(A.url);
    const other = await openRoom(B.url);
    const otherSecret = other.cookie.split('=').slice(1).join('=');
    const step = { type: 'step' };

    for (const base of [A.url, B.url, cluster.url]) {
      expect((await command(base, room.code, null, step)).status, `${base}: no cookie`).toBe(403);
      expect((await command(base, room.code, other.cookie, step)).status, `${base}: the other room's cookie`).toBe(403);
      const forged = `stepstream-presenter-${room.code}=${otherSecret}`;
      expect((await command(base, room.code, forged, step)).status, `${base}: the other room's secret under this room's name`).toBe(403);
      // A student never reaches the body's checks.
      expect((await command(base, room.code, null, null, 'x'.repeat(20_000))).status, `${base}: a student's oversize body`).toBe(403);

      const unknown = room.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
      const missing = await command(base, unknown, room.cookie, step);
      expect(missing.status, `${base}: an unknown room`).toBe(404);
      expect(missing.json).toMatchObject({ field: 'code' });

      const notJson = await command(base, room.code, room.cookie, null, '{"type":');
      expect(notJson.status, `${base}: not JSON`).toBe(400);
      const unknownType = await command(base, room.code, room.cookie, { type: 'fly' });
      expect(unknownType.status, `${base}: an unknown command`).toBe(400);
      const badParams = await command(base, room.code, room.cookie, { type: 'run', params: { n: -1 } });
      expect(badParams.status, `${base}: a run with n = -1`).toBe(400);
      expect(String(badParams.json?.field)).toMatch(/^params\./);

      // Over the app's 8 KiB: its JSON 413 (nginx lets up to 64 KiB through).
      const oversize = await command(base, room.code, room.cookie, { type: 'run', params: { template: 'x'.repeat(9000) } });
      expect(oversize.status, `${base}: a 9 KB command`).toBe(413);
      expect(oversize.json).toMatchObject({ field: 'body' });
    }
    // Past nginx's own limit, nginx answers 413 itself.
    expect((await command(cluster.url, room.code, room.cookie, null, 'x'.repeat(100_000))).status).toBe(413);
    // And the presenter's cookie still works, through either instance.
    expect((await command(B.url, room.code, room.cookie, { type: 'reset' })).status).toBe(200);
  });

  test('Redis restarted in the middle of a run: every student still gets the whole trace, in order, nothing twice', async () => {
    const { code, cookie } = await openRoom(A.url);
    const students = await connected([
      new Student('nginx-1', code, cluster.url),
      new Student('nginx-2', code, cluster.url),
      new Student('direct-A', code, A.url, cluster.url),
      new Student('direct-B', code, B.url, cluster.url),
    ]);
    const run = await commandOk(A.url, code, cookie, { type: 'run', params: { n: 20, delay: 150, template: 'Message {i}' } });
    await waitForAll(students, 'got Message 4', (student) => student.trace(run).includes('Message 4'));

    const restartedAt = Date.now();
    await cluster.redis!.restart();
    const downMs = Date.now() - restartedAt;
    const heardWhenBack = Math.max(...students.map((student) => student.trace(run).length));
    expect(heardWhenBack, 'the run was still going when Redis came back').toBeLessThan(22);
    note(`Redis restart took ${downMs} ms; the run's entries so far at most ${heardWhenBack} of 22`);

    await waitForAll(
      students,
      'got the end',
      (student) => student.trace(run).some((word) => word.startsWith('end') || word.startsWith('error')),
      30_000,
    );
    const expected = ['open', ...messages(20), 'end:complete'];
    for (const student of students) {
      expect(student.trace(run), student.name).toEqual(expected);
      student.expectContiguous();
      expect(
        student.connections.map((connection) => connection.status),
        `${student.name}: every (re)connection was taken (an EventSource gives up on any other status)`,
      ).toEqual(student.connections.map(() => 200));
      student.close();
    }
    note(`connections per student across the restart: ${students.map((student) => student.connections.length).join(', ')}`);
  });

  test('an instance killed mid-run: its students reconnect through nginx with Last-Event-ID and resume on the other', async () => {
    const { code, cookie } = await openRoom(A.url);
    const students = await connected([1, 2, 3, 4].map((k) => new Student(`on-B-${k}`, code, B.url, cluster.url)));
    const bystanders = await connected([new Student('on-A', code, A.url, cluster.url)]);
    // The run is A's: its generator survives B.
    const run = await commandOk(A.url, code, cookie, { type: 'run', params: { n: 20, delay: 150, template: 'Message {i}' } });
    await waitForAll(students, 'got Message 4', (student) => student.trace(run).includes('Message 4'));

    await B.kill('SIGKILL');
    const killedAt = Date.now();

    const everyone = [...students, ...bystanders];
    await waitForAll(
      everyone,
      'got the end',
      (student) => student.trace(run).some((word) => word.startsWith('end') || word.startsWith('error')),
      30_000,
    );
    const expected = ['open', ...messages(20), 'end:complete'];
    for (const student of everyone) {
      expect(student.trace(run), student.name).toEqual(expected);
      student.expectContiguous();
      expect(
        student.connections.every((connection) => connection.status === 200),
        `${student.name}: ${JSON.stringify(student.connections)}`,
      ).toBe(true);
    }
    for (const student of students) {
      expect(student.connections.length, `${student.name} reconnected once B was gone`).toBeGreaterThanOrEqual(2);
      expect(student.connections.slice(1).every((connection) => connection.base === cluster.url)).toBe(true);
      // Nothing from B after it died: what came later came through nginx, from A.
      const resumed = student.entries.filter((entry) => student.arrivals.get(entry.seq)! > killedAt);
      expect(resumed.length, `${student.name} got entries after the kill`).toBeGreaterThan(0);
    }
    expect(bystanders[0]!.connections, 'the student on A never noticed').toHaveLength(1);
    const resumedAfter = students.map((student) => Math.min(...[...student.arrivals.values()].filter((at) => at > killedAt)) - killedAt);
    note(`B killed: its students' first entry from A came ${Math.min(...resumedAfter)}–${Math.max(...resumedAfter)} ms later`);
    for (const student of everyone) student.close();
  });
});

// The notice job against the faults that cost real people a duplicate or a
// missed deadline: overlapping runs, a full disk, a server or feed that stops
// answering, a lost reply, and ledgers that are not what they should be.
// A real SMTP server on 127.0.0.1, real tmpfs mounts, the real CLI.
import { execFileSync, spawn } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noticesDocument } from '../../src/api/api-documents.ts';
import { messageId } from '../../src/notices/notice-transport.ts';
import { buildSiteModel } from '../../src/site/site-model.ts';
import { jobArgs, ledgerRows, receivedCounts, runNotices, scratch, subscribersFile } from '../helpers/notice-job.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const NOTICE = 'privacy/2026-03-15..2026-12-15';
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}@example.com`);
const csv = (addresses: string[]) => subscribersFile(addresses.map((a, i) => `${a},${i % 3 ? 'en' : 'es'}`));
let feed: string;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

beforeAll(() => {
  // The document the site publishes, from the real policies.
  feed = path.join(scratch(), 'notices.json');
  writeFileSync(feed, JSON.stringify(noticesDocument(buildSiteModel(repo, '2026-11-26'))));
});

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const server = await startSmtpSink(options);
  cleanups.push(server.close);
  return server;
}

/** A tmpfs of `size` at a fresh folder, unmounted after the test. */
function tmpfs(size: string, flags = ''): string {
  const dir = path.join(scratch(), 'mnt');
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${flags}`, 'tmpfs', dir]);
  cleanups.push(() => execFileSync('umount', ['-l', dir]));
  return dir;
}

/** The pairs listed under a heading of the report, such as "NOT sent". */
function listed(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(`  ${NOTICE} to `)) break;
    out.push(line.slice(`  ${NOTICE} to `.length));
  }
  return out;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('overlapping runs on one ledger', () => {
  it('share the work: every subscriber gets exactly one email and both runs exit 0', async () => {
    const server = await sink({ delayMs: 20 });
    const addresses = people(120);
    const subscribers = csv(addresses);
    const ledger = path.join(scratch(), 'ledger.db');
    const args = ['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', server.url, '--connections', '2'];
    const [a, b] = await Promise.all([runNotices(args), runNotices(args)]);
    expect(a.status, a.stdout + a.stderr).toBe(0);
    expect(b.status, b.stdout + b.stderr).toBe(0);
    const counts = receivedCounts(server.received);
    expect([...counts.keys()].sort()).toEqual(addresses);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sent = [a, b].map((run) => Number(/Sent (\d+) of/.exec(run.stdout)![1]));
    expect(sent[0]! + sent[1]!).toBe(120);
    expect(Math.min(...sent)).toBeGreaterThan(0);
    expect(ledgerRows(ledger)).toEqual(addresses);
  });

  it('take over the claims of a run killed with -9 at once, duplicating at most what was in flight', async () => {
    const server = await sink({ delayMs: 15 });
    const addresses = people(60);
    const subscribers = csv(addresses);
    const ledger = path.join(scratch(), 'ledger.db');
    const args = ['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', server.url, '--connections', '3'];
    const child = spawn(process.execPath, jobArgs(args), { cwd: repo, stdio: 'ignore' });
    while (server.accepted() < 10) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const claimed = new DatabaseSync(ledger, { readOnly: true }).prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number };
    // The dead run's claims are still there; the next run must not wait for their lease.
    expect(claimed.n).toBeGreaterThan(0);
    const resumed = await runNotices(args);
    expect(resumed.status, resumed.stdout).toBe(0);
    expect(resumed.stdout).not.toContain('being sent by another run');
    const counts = receivedCounts(server.received);
    expect([...counts.keys()].sort()).toEqual(addresses);
    expect([...counts.values()].reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(3);
  });
});

describe('a run that loses its claims', () => {
  it('stops when it was paused past its lease, and the run that took over sends each message once', async () => {
    const server = await sink({ delayMs: 30 });
    const addresses = people(80);
    const subscribers = csv(addresses);
    const ledger = path.join(scratch(), 'ledger.db');
    const args = ['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', server.url, '--connections', '2', '--lease', '1'];
    let stdout = '';
    const paused = spawn(process.execPath, jobArgs(args), { cwd: repo });
    paused.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => paused.on('exit', resolve));
    while (server.accepted() < 6) await new Promise((r) => setTimeout(r, 5));
    // Paused inside a transaction it would hold the ledger's lock, and the other run would rightly wait: pause it outside one.
    const probe = new DatabaseSync(ledger, { timeout: 0 });
    cleanups.push(() => probe.close());
    for (;;) {
      paused.kill('SIGSTOP');
      try {
        probe.exec('BEGIN IMMEDIATE; ROLLBACK');
        break;
      } catch {
        paused.kill('SIGCONT');
        await new Promise((r) => setTimeout(r, 3));
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    const other = await runNotices(args);
    paused.kill('SIGCONT');
    expect(other.status, other.stdout).toBe(0);
    expect(await exited).toBe(1);
    expect(stdout).toContain("Stopped: This run's claims expired (it could not renew them for 1 second), so another run may have taken them over.");
    const counts = receivedCounts(server.received);
    expect([...counts.keys()].sort()).toEqual(addresses);
    // At most what the paused run had in flight, one per connection.
    expect([...counts.values()].reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(2);
  });

  it('finishes what is in flight on SIGTERM, reports, and leaves nothing to send twice', async () => {
    const server = await sink({ delayMs: 20 });
    const addresses = people(80);
    const ledger = path.join(scratch(), 'ledger.db');
    const args = ['--feed', feed, '--subscribers', csv(addresses), '--ledger', ledger, '--smtp', server.url, '--connections', '2'];
    let stdout = '';
    const child = spawn(process.execPath, jobArgs(args), { cwd: repo });
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (server.accepted() < 10) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stdout).toContain('Stopped: Stopped on request (a signal); the messages in flight were finished.');
    const notSent = listed(stdout, 'NOT sent (not attempted');
    expect(ledgerRows(ledger).length + notSent.length).toBe(80);
    expect(ledgerRows(ledger).sort()).toEqual([...new Set(server.received.map((m) => m.to[0]!))].sort());
    const rerun = await runNotices(args);
    expect(rerun.status).toBe(0);
    expect([...receivedCounts(server.received).values()].every((n) => n === 1)).toBe(true);
  });

  it('goes on when its reader stops reading (| head)', async () => {
    const server = await sink();
    const ledger = path.join(scratch(), 'ledger.db');
    const child = spawn(process.execPath, jobArgs(['--feed', feed, '--subscribers', csv(people(50)), '--ledger', ledger, '--smtp', server.url]), {
      cwd: repo,
    });
    child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(stderr).toBe('');
    expect(ledgerRows(ledger)).toHaveLength(50);
  });
});

describe('a ledger that cannot be written', () => {
  it('stops sending at once when the disk fills, reports what is unrecorded, and a rerun sends only that again', async () => {
    const server = await sink();
    const dir = tmpfs('200k');
    const ledger = path.join(dir, 'ledger.db');
    const addresses = people(2000);
    const subscribers = csv(addresses);
    const args = ['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', server.url, '--connections', '4'];
    const full = await runNotices(args);
    expect(full.status).toBe(1);
    noStack(full.stdout + full.stderr);
    expect(full.stdout).toMatch(/Stopped: Could not (claim recipients|record a delivery) in the ledger: database or disk is full\. Nothing more was sent\./);
    const delivered = new Set(server.received.map((m) => m.to[0]!));
    const recorded = ledgerRows(ledger);
    const unrecorded = listed(full.stdout, 'Delivered but NOT recorded');
    const notSent = listed(full.stdout, 'NOT sent (not attempted');
    expect(delivered.size).toBeLessThan(2000);
    // Each delivered message is recorded or reported as unrecorded, never as "not sent".
    expect([...recorded, ...unrecorded].sort()).toEqual([...delivered].sort());
    expect(notSent.filter((a) => delivered.has(a))).toEqual([]);
    expect(notSent.length + delivered.size).toBe(2000);
    expect(unrecorded.length).toBeLessThanOrEqual(4);

    execFileSync('mount', ['-o', 'remount,size=50m', dir]);
    const rerun = await runNotices(args);
    expect(rerun.status, rerun.stdout).toBe(0);
    const counts = receivedCounts(server.received);
    expect(counts.size).toBe(2000);
    const duplicates = [...counts].filter(([, n]) => n > 1).map(([a]) => a);
    expect(duplicates.sort()).toEqual([...unrecorded].sort());
  });
});

describe('nothing hangs', () => {
  it('gives up on an SMTP server that goes silent after DATA within the timeout and retries, naming who was not reached', async () => {
    const server = await sink({ fault: () => 'hang' });
    const addresses = people(3);
    const ledger = path.join(scratch(), 'ledger.db');
    const run = await runNotices([
      ...['--feed', feed, '--subscribers', csv(addresses), '--ledger', ledger, '--smtp', server.url],
      ...['--connections', '1', '--smtp-timeout', '1', '--retries', '1', '--backoff-ms', '10'],
    ]);
    expect(run.status).toBe(1);
    // Two attempts of one second each, far below nodemailer's ten minutes of silence.
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stdout).toContain('Stopped: Cannot reach the SMTP server after 2 attempts: No complete answer within 1 second');
    expect(listed(run.stdout, 'NOT sent (not attempted')).toEqual(addresses);
    expect(ledgerRows(ledger)).toEqual([]);
    noStack(run.stdout + run.stderr);
  });

  it('gives up on a server that drips its reply a byte at a time, which no read timeout notices', async () => {
    const drip = createNetServer((socket) => {
      socket.on('error', () => {});
      socket.write('220 drip ESMTP\r\n');
      let buffered = '';
      socket.on('data', (chunk) => {
        buffered += chunk;
        if (/^(EHLO|HELO)/m.test(buffered)) {
          buffered = '';
          // One byte a second: always less silent than the timeout, never done.
          let i = 0;
          const text = '250-drip\r\n250 OK\r\n';
          const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(text[i++ % text.length]!)), 300);
          socket.on('close', () => clearInterval(timer));
        }
      });
    });
    await new Promise<void>((resolve) => drip.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => drip.close(resolve)));
    const url = `smtp://127.0.0.1:${(drip.address() as AddressInfo).port}`;
    const run = await runNotices([
      ...['--feed', feed, '--subscribers', csv(people(2)), '--ledger', path.join(scratch(), 'l.db'), '--smtp', url],
      ...['--connections', '1', '--smtp-timeout', '2', '--retries', '1', '--backoff-ms', '10'],
    ]);
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stdout).toContain('Stopped: Cannot reach the SMTP server after 2 attempts: No complete answer within 2 seconds');
    expect(listed(run.stdout, 'NOT sent (not attempted')).toEqual(people(2));
  });

  it('resends a message whose 250 reply was lost, says so, and the copies share one Message-ID', async () => {
    const lost = new Set(['p0002@example.com', 'p0005@example.com']);
    const seen = new Set<string>();
    const server = await sink({ fault: (to) => (lost.has(to) && !seen.has(to) && seen.add(to) ? 'lose-reply' : undefined) });
    const addresses = people(8);
    const ledger = path.join(scratch(), 'ledger.db');
    const run = await runNotices([
      ...['--feed', feed, '--subscribers', csv(addresses), '--ledger', ledger, '--smtp', server.url],
      ...['--connections', '1', '--backoff-ms', '10'],
    ]);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain('Sent 8 of 8.');
    expect(run.stdout).toContain(
      '2 message(s) were retried after a connection failed before the server confirmed them; if a first attempt had reached the server, its recipient has two copies with the same Message-ID.',
    );
    const copies = server.received.filter((m) => m.to[0] === 'p0002@example.com');
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(copy.raw).toContain(`Message-ID: ${messageId(NOTICE, 'p0002@example.com')}`);
    expect(ledgerRows(ledger)).toEqual(addresses);
  });

  describe('a feed that stops answering', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === '/half') {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
          response.write('{"now": "2026-11-26", "notices": [');
        } else if (request.url === '/cut') {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
          response.end('{"now": "2026-11-26"', () => request.socket.destroy());
        }
        // Any other path: the connection is accepted and never answered.
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    for (const [where, why] of [
      ['/silent', 'no complete answer within 1 second (--feed-timeout)'],
      ['/half', 'no complete answer within 1 second (--feed-timeout)'],
      ['/cut', 'the connection closed before the whole document arrived'],
    ]) {
      it(`exits 2 on ${where}: ${why}`, async () => {
        const run = await runNotices(['--feed', `${base}${where}`, '--subscribers', csv(people(1)), '--dry-run', '--feed-timeout', '1']);
        expect(run.status).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe(`Cannot read the notices feed ${base}${where}: ${why}.`);
        expect(run.ms).toBeLessThan(30_000);
      });
    }
  });
});

describe('a ledger that is not usable gives exit 2 and one sentence', () => {
  const attempt = (ledger: string, feedFile = feed) =>
    runNotices(['--feed', feedFile, '--subscribers', csv(people(2)), '--ledger', ledger, '--smtp', 'smtp://127.0.0.1:9']);
  const expectRefusal = async (ledger: string, message: RegExp, feedFile?: string) => {
    const run = await attempt(ledger, feedFile);
    expect(run.status, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  };

  it('refuses garbage, a truncated ledger, a folder and another program’s database', async () => {
    const dir = scratch();
    const garbage = path.join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, just a text file that happens to be long enough to look like one'.repeat(100));
    await expectRefusal(garbage, /garbage\.db is not a notices ledger: file is not a database\. Give the ledger's own path, or a new file to start one\.$/);

    const truncated = path.join(dir, 'truncated.db');
    const server = await sink();
    const made = await runNotices(['--feed', feed, '--subscribers', csv(people(300)), '--ledger', truncated, '--smtp', server.url]);
    expect(made.status).toBe(0);
    new DatabaseSync(truncated).exec('PRAGMA wal_checkpoint(TRUNCATE)');
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2));
    await expectRefusal(truncated, /truncated\.db is not a notices ledger: database disk image is malformed\./);

    await expectRefusal(dir, /^The ledger .+ is a folder; give the path of a file, such as var\/notices\.db\.$/);

    const foreign = path.join(dir, 'app.db');
    new DatabaseSync(foreign).exec('CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)');
    await expectRefusal(foreign, /app\.db is an SQLite database but not a notices ledger \(its tables: users\); give the ledger's own path\.$/);
  });

  it('refuses a folder it cannot write, and a ledger that belongs to another site', async () => {
    const readOnly = tmpfs('1m', ',ro');
    await expectRefusal(path.join(readOnly, 'ledger.db'), /^Cannot open the ledger .+ledger\.db: unable to open database file\.$/);

    const ledger = path.join(scratch(), 'ledger.db');
    const server = await sink();
    expect((await runNotices(['--feed', feed, '--subscribers', csv(people(2)), '--ledger', ledger, '--smtp', server.url])).status).toBe(0);
    const other = path.join(scratch(), 'notices.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(feed, 'utf8')), site: 'https://legal.example.org' }));
    await expectRefusal(
      ledger,
      /^The ledger .+ledger\.db records the notices of https:\/\/policies\.infraux\.com, not of https:\/\/legal\.example\.org; give each site its own ledger\.$/,
      other,
    );
  });

  it('refuses names that are not one file, and changes nothing in another program’s database', async () => {
    const dir = scratch();
    await expectRefusal(':memory:', /^":memory:" is not a ledger file; give the path of a file, such as var\/notices\.db\.$/);
    await expectRefusal(`file:${dir}/x.db?mode=memory`, /^"file:.+" is not a ledger file/);
    await expectRefusal('/dev/null', /^The ledger \/dev\/null is not a regular file; give the path of a file, such as var\/notices\.db\.$/);

    const ledger = path.join(dir, 'ledger.db');
    const server = await sink();
    expect((await runNotices(['--feed', feed, '--subscribers', csv(people(2)), '--ledger', ledger, '--smtp', server.url])).status).toBe(0);
    linkSync(ledger, path.join(dir, 'other-name.db'));
    await expectRefusal(ledger, /^The ledger .+ledger\.db has 2 hard links; every run must open it by one name, so remove the other links\.$/);

    const app = path.join(dir, 'app.db');
    new DatabaseSync(app).exec('CREATE TABLE deliveries (id INTEGER PRIMARY KEY, address TEXT)');
    const before = readFileSync(app);
    await expectRefusal(app, /app\.db is an SQLite database but not a notices ledger \(its tables: deliveries\); give the ledger's own path\.$/);
    expect(readFileSync(app).equals(before)).toBe(true);
  });

  it('leaves the ledger untouched on a dry run', async () => {
    const ledger = path.join(scratch(), 'ledger.db');
    const server = await sink();
    expect((await runNotices(['--feed', feed, '--subscribers', csv(people(2)), '--ledger', ledger, '--smtp', server.url])).status).toBe(0);
    const before = readFileSync(ledger);
    const dry = await runNotices(['--feed', feed, '--subscribers', csv(people(3)), '--ledger', ledger, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('2 delivery(ies) already in the ledger; 1 to do.');
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it('refuses a ledger another process keeps locked, after waiting five seconds', async () => {
    const ledger = path.join(scratch(), 'ledger.db');
    const server = await sink();
    expect((await runNotices(['--feed', feed, '--subscribers', csv(people(1)), '--ledger', ledger, '--smtp', server.url])).status).toBe(0);
    const holder = new DatabaseSync(ledger);
    holder.exec('BEGIN IMMEDIATE');
    cleanups.push(() => holder.close());
    await expectRefusal(ledger, /^Cannot open the ledger .+: database is locked \(another run held it for more than 5 seconds\)\.$/);
  });
});

describe('options that cannot be right give exit 2 and one sentence', () => {
  const out = scratch();
  writeFileSync(path.join(out, 'a-file'), '');
  for (const [flags, message] of [
    [['--connections', '0'], '--connections must be a whole number from 1 to 100, not "0".'],
    [['--connections', '1e21'], '--connections must be a whole number from 1 to 100, not "1e21".'],
    [['--retries', '40'], '--retries must be a whole number from 0 to 10, not "40".'],
    [['--from', 'not an address'], '--from must be an address, or a name and an address such as "InfraUX <policies@infraux.com>", not "not an address".'],
    [['--unsubscribe-url', 'javascript:alert(1)'], '--unsubscribe-url must be an https:// URL with {email} where the address goes, not "javascript:alert(1)".'],
    [['--smtp', 'smtp://127.0.0.1:99999'], '--smtp "smtp://127.0.0.1:99999" is not a valid URL (host and a port from 1 to 65535).'],
    [['--out', path.join(out, 'a-file')], `--out ${path.join(out, 'a-file')} is a file; give a folder for the .eml files.`],
    [['--lease', '0'], '--lease must be a number of seconds above 0 and at most 3600, not "0".'],
  ] as const) {
    it(`refuses ${flags.join(' ')}`, async () => {
      const run = await runNotices([
        '--feed',
        feed,
        '--subscribers',
        csv(people(1)),
        '--ledger',
        path.join(scratch(), 'l.db'),
        '--smtp',
        'smtp://127.0.0.1:9',
        ...flags,
      ]);
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(message);
      noStack(run.stderr);
    });
  }
});

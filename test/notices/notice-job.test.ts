import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageId } from '../../src/notices/notice-transport.ts';
import { buildSite } from '../helpers/build-site.ts';
import { jobArgs, ledgerRows, receivedCounts, runNotices, scratch, subscribersFile } from '../helpers/notice-job.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const NOTICE = 'privacy/2026-03-15..2026-12-15';
let feed: string;
const sinks: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});
const notices = runNotices;

beforeAll(() => {
  // The input is the real build's notices document.
  const build = buildSite({ now: '2026-11-26' });
  expect(build.status, build.stderr).toBe(0);
  feed = path.join(build.out, 'api/v1/notices.json');
});

describe('the change-notice job', () => {
  it('delivers one correct email per subscriber, in their language, and none on a second run', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const subscribers = subscribersFile(['ana@example.com,es', 'bob@example.com,en', 'carla@example.com,es-CO', 'dora@example.com,fr']);
    const ledger = path.join(scratch(), 'ledger.db');
    const first = await notices(['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', sink.url]);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('Sent 4 of 4.');
    expect(first.stderr).toContain('subscribers.csv:5  warning: dora@example.com asked for "fr", which the policies are not written in; they get en.');
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['ana@example.com', 'bob@example.com', 'carla@example.com', 'dora@example.com']);

    const byRecipient = Object.fromEntries(await Promise.all(sink.received.map(async (m) => [m.to[0]!, await simpleParser(m.raw)] as const)));
    const en = byRecipient['bob@example.com']!;
    expect(en.subject).toBe('Privacy Policy: changes take effect on December 15, 2026');
    expect(en.messageId).toBe(messageId(NOTICE, 'bob@example.com'));
    // Unfold header lines (RFC 5322 folding) before reading them.
    const raw = sink.received.find((m) => m.to[0] === 'bob@example.com')!.raw.replace(/\r\n[ \t]+/g, ' ');
    expect(raw).toContain('List-Unsubscribe: <mailto:privacy@infraux.com?subject=unsubscribe%20bob%40example.com>');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(en.text).toContain('New processor: Intercom (United States and Ireland, EU Standard Contractual Clauses)');
    expect(en.text).toContain('Backups kept 60 days instead of 90 days');
    expect(en.text).toContain('[+| Intercom | Customer support messaging');
    expect(en.text).toContain('See every change: https://policies.infraux.com/en/privacy/2026-12-15/changes/');
    expect(en.html).toContain('<ins style="background:#e3f4e1;color:#0d3d0a;text-decoration:underline">');
    expect(en.html).toContain('<a href="https://policies.infraux.com/en/privacy/2026-12-15/" style="color:#0b5394">Read the new policy</a>');
    expect(en.html).not.toMatch(/<script|<img|<link|class="/);
    // Tables stay tables in the email too, the new row's cells marked.
    expect(en.html).toMatch(
      /<table style="border-collapse:collapse[^"]*"><tbody>(?:(?!<\/table>)[\s\S])*<td style="[^"]*"><ins style="[^"]*">Intercom<\/ins><\/td>/,
    );
    for (const address of ['ana@example.com', 'carla@example.com']) {
      const es = byRecipient[address]!;
      expect(es.subject).toBe('Política de Privacidad: los cambios entran en vigor el 15 de diciembre de 2026');
      expect(es.text).toContain('Nuevo encargado: Intercom (Estados Unidos e Irlanda, Cláusulas Contractuales Tipo de la UE)');
      expect(es.html).toContain('<html lang="es">');
    }
    expect(byRecipient['dora@example.com']!.subject).toBe(en.subject);

    const second = await notices(['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', sink.url]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('4 delivery(ies) already in the ledger; 0 to do.');
    expect(sink.received).toHaveLength(4);
  });

  it('goes on past a rejected address and records only what the server accepted', async () => {
    const sink = await startSmtpSink({ reject: (address) => address.startsWith('gone') });
    sinks.push(sink);
    const subscribers = subscribersFile(['a@example.com,en', 'gone@example.com,en', 'b@example.com,es']);
    const ledger = path.join(scratch(), 'ledger.db');
    const result = await notices(['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', sink.url]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Sent 2 of 3.');
    expect(result.stdout).toMatch(/NOT sent \(rejected\): privacy\/2026-03-15\.\.2026-12-15 to gone@example\.com: .*550/);
    expect(ledgerRows(ledger)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('retries a server that is down, then stops with a report of what was not sent', async () => {
    const subscribers = subscribersFile(['a@example.com,en', 'b@example.com,es', 'c@example.com,en']);
    const ledger = path.join(scratch(), 'ledger.db');
    const result = await notices([
      '--feed',
      feed,
      '--subscribers',
      subscribers,
      '--ledger',
      ledger,
      '--smtp',
      'smtp://127.0.0.1:9',
      '--retries',
      '2',
      '--backoff-ms',
      '20',
      '--connections',
      '1',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Sent 0 of 3.');
    expect(result.stdout).toMatch(/Stopped: Cannot reach the SMTP server after 3 attempts: .*ECONNREFUSED/);
    expect(result.stdout).toContain(
      [
        'NOT sent (not attempted or connection lost): 3; a rerun will send them:',
        `  ${NOTICE} to a@example.com`,
        `  ${NOTICE} to b@example.com`,
        `  ${NOTICE} to c@example.com`,
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('retried after');
    expect(ledgerRows(ledger)).toEqual([]);
  });

  it('survives kill -9 mid-run: the resumed run loses nothing and duplicates at most what was in flight', async () => {
    const sink = await startSmtpSink({ delayMs: 15 });
    sinks.push(sink);
    const people = Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')}@example.com`);
    const subscribers = subscribersFile(people.map((p, i) => `${p},${i % 2 ? 'es' : 'en'}`));
    const ledger = path.join(scratch(), 'ledger.db');
    const connections = 3;
    const args = jobArgs(['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', sink.url, '--connections', String(connections)]);
    const child = spawn(process.execPath, args, { cwd: repo, stdio: 'ignore' });
    while (sink.accepted() < 20) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const beforeResume = sink.accepted();
    expect(beforeResume).toBeLessThan(60);
    expect(ledgerRows(ledger).length).toBeGreaterThanOrEqual(beforeResume - connections);

    const resumed = await notices(['--feed', feed, '--subscribers', subscribers, '--ledger', ledger, '--smtp', sink.url, '--connections', String(connections)]);
    expect(resumed.status, resumed.stdout).toBe(0);
    const counts = receivedCounts(sink.received);
    expect([...counts.keys()].sort()).toEqual(people);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(connections);
    expect(ledgerRows(ledger)).toEqual(people);
  });
});

describe('bad input', () => {
  it('refuses an unreadable feed and a feed that fails its schema, with exit code 2', async () => {
    const subscribers = subscribersFile(['a@example.com,en']);
    const missing = await notices(['--feed', '/nonexistent/notices.json', '--subscribers', subscribers, '--dry-run']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cannot read the notices feed /nonexistent/notices.json: no such file or directory');
    const bad = path.join(scratch(), 'notices.json');
    writeFileSync(bad, JSON.stringify({ now: '2026-11-26', notices: [{ id: 'x', effective: 'soon' }] }));
    const invalid = await notices(['--feed', bad, '--subscribers', subscribers, '--dry-run']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('does not match the notices schema');
    expect(invalid.stderr).toContain('  notices.0.effective: Invalid ISO date');
  });

  it('reports bad subscriber rows by line and still serves the good ones', async () => {
    const subscribers = subscribersFile(['a@example.com,en', 'not-an-address,es', 'A@Example.com,es', 'b@example.com,xx_!!']);
    const result = await notices(['--feed', feed, '--subscribers', subscribers, '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('subscribers.csv:3  error: "not-an-address" is not a valid email address; the row is skipped.');
    expect(result.stderr).toContain('subscribers.csv:4  error: A@Example.com is already on line 2; the duplicate is skipped.');
    expect(result.stderr).toContain('subscribers.csv:5  error: "xx_!!" is not a language tag such as en or es-CO; the row is skipped.');
    expect(result.stdout).toContain(`would send ${NOTICE} to a@example.com (en)`);
    expect(spawnSync(process.execPath, [path.join(repo, 'scripts/notices.ts'), '--feed', feed], { cwd: repo }).status).toBe(2);
  });

  it('never sends an email it could not render completely', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const document = JSON.parse(readFileSync(feed, 'utf8'));
    document.notices[0].locales.es.summary = '';
    const broken = path.join(scratch(), 'notices.json');
    writeFileSync(broken, JSON.stringify(document));
    const result = await notices([
      '--feed',
      broken,
      '--subscribers',
      subscribersFile(['a@example.com,en', 'b@example.com,es']),
      '--ledger',
      path.join(scratch(), 'l.db'),
      '--smtp',
      sink.url,
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'NOT sent (rejected): privacy/2026-03-15..2026-12-15 to b@example.com: could not render the email: The notice privacy/2026-03-15..2026-12-15 has an empty summary in es.',
    );
    expect(sink.received.map((m) => m.to[0])).toEqual(['a@example.com']);
  });

  it('writes .eml files for legal review instead of sending', async () => {
    const out = scratch();
    const result = await notices(['--feed', feed, '--subscribers', subscribersFile(['a@example.com,en', 'b@example.com,es']), '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['privacy_2026-03-15..2026-12-15--a@example.com.eml', 'privacy_2026-03-15..2026-12-15--b@example.com.eml']);
    const parsed = await simpleParser(readFileSync(path.join(out, files[1]!)));
    expect(parsed.subject).toBe('Política de Privacidad: los cambios entran en vigor el 15 de diciembre de 2026');
    expect(parsed.html).toBeTruthy();
  });
});

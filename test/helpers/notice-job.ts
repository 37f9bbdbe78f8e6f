import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const repo = path.resolve(import.meta.dirname, '../..');

/** What a run of the job printed and how it exited. */
export interface JobRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A fresh folder for one test's files. */
export const scratch = () => mkdtempSync(path.join(tmpdir(), 'notices-'));

/** The arguments that start the real job as `npm run notices --` does, with "now" pinned. */
export const jobArgs = (args: readonly string[]) => [
  '--disable-warning=ExperimentalWarning',
  path.join(repo, 'scripts/notices.ts'),
  '--now',
  '2026-11-26',
  ...args,
];

/** Runs the real job to its end. */
export function runNotices(args: readonly string[]): Promise<JobRun> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, jobArgs(args), { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr, ms: Date.now() - start }));
  });
}

/** Writes a subscriber CSV with the header row and these rows. */
export function subscribersFile(rows: readonly string[]): string {
  const file = path.join(scratch(), 'subscribers.csv');
  writeFileSync(file, `email,locale\n${rows.join('\n')}\n`);
  return file;
}

/** The addresses the ledger records as delivered, sorted. */
export function ledgerRows(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare('SELECT email FROM deliveries ORDER BY email')
      .all()
      .map((r) => (r as { email: string }).email);
  } finally {
    db.close();
  }
}

/** How many messages each address received. */
export function receivedCounts(received: ReadonlyArray<{ to: string[] }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of received) counts.set(message.to[0]!, (counts.get(message.to[0]!) ?? 0) + 1);
  return counts;
}

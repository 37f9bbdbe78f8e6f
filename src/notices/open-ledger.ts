import { mkdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** A ledger that cannot be used, or a write to it that failed: one sentence for the operator, never a stack trace. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

const FORMAT = 'policy-as-code notices ledger 2';
/** How long a write waits for another run's transaction before the ledger counts as locked. */
const BUSY_MS = 5000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS deliveries (
    notice_id TEXT NOT NULL,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    message_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    response TEXT,
    PRIMARY KEY (notice_id, email)
  );
  CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started_at TEXT NOT NULL,
    lease_until INTEGER NOT NULL,
    machine TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS claims (
    notice_id TEXT NOT NULL,
    email TEXT NOT NULL,
    run_id TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    lease_until INTEGER NOT NULL,
    PRIMARY KEY (notice_id, email)
  );
`;

/** SQLite's reason, in its own words, with what it means for a ledger where that is not obvious. */
function reason(error: unknown): string {
  const { errcode, errstr, message } = error as { errcode?: number; errstr?: string; message?: string };
  const text = errstr ?? message ?? String(error);
  if (errcode === 5) return `${text} (another run held it for more than ${BUSY_MS / 1000} seconds)`;
  return text;
}

/** A `LedgerError` for a write that failed: what the job was doing and SQLite's reason. */
export function ledgerError(what: string, error: unknown): LedgerError {
  return error instanceof LedgerError ? error : new LedgerError(`Could not ${what} in the ledger: ${reason(error)}.`);
}

/** The tables and columns of a ledger, to tell it from another program's database before anything is written. */
const COLUMNS: Record<string, string> = {
  meta: 'key,value',
  deliveries: 'notice_id,email,locale,message_id,accepted_at,response',
  runs: 'run_id,pid,host,started_at,lease_until,machine',
  claims: 'notice_id,email,run_id,claimed_at,lease_until',
};

/** Where a path is shown: as given when inside the current folder, else absolute. */
const shownPath = (file: string) => {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
};

/**
 * Opens the ledger file of the notices of `site`, creating it if it does not
 * exist and upgrading a ledger of the first format (deliveries only), unless
 * `readOnly`, which changes nothing on disk. Refuses what is not a ledger
 * file (a folder, a device, an in-memory or URI name, a file with a second
 * hard link, another program's database) and a ledger of another site, all
 * before writing anything.
 * @throws {LedgerError}
 */
export function openLedgerDatabase(file: string, site: string, options: { readOnly?: boolean } = {}): DatabaseSync {
  const shown = shownPath(file);
  if (file.trim() === '' || file === ':memory:' || /^file:/i.test(file)) {
    throw new LedgerError(`"${file}" is not a ledger file; give the path of a file, such as var/notices.db.`);
  }
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new LedgerError(`Cannot open the ledger ${shown}: ${(error as Error).message.replace(/^\w+: /, '').replace(/, stat .*$/, '')}.`);
  }
  if (stat?.isDirectory()) throw new LedgerError(`The ledger ${shown} is a folder; give the path of a file, such as var/notices.db.`);
  if (stat && !stat.isFile()) throw new LedgerError(`The ledger ${shown} is not a regular file; give the path of a file, such as var/notices.db.`);
  // SQLite keeps the write-ahead log and its lock beside the path: two names for one file would not see each other's claims.
  if (stat && stat.nlink > 1) {
    throw new LedgerError(`The ledger ${shown} has ${stat.nlink} hard links; every run must open it by one name, so remove the other links.`);
  }
  if (options.readOnly && !stat) throw new LedgerError(`There is no ledger at ${shown}.`);
  let db: DatabaseSync | undefined;
  try {
    if (!options.readOnly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new DatabaseSync(file, { timeout: BUSY_MS, readOnly: options.readOnly ?? false });
    const columns = (table: string) =>
      (db!.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all() as Array<{ name: string }>).map((c) => c.name).join(',');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    const foreign = tables.filter((t) => !(t in COLUMNS) || columns(t) !== COLUMNS[t]);
    if (foreign.length > 0 || (tables.length > 0 && !tables.includes('deliveries'))) {
      throw new LedgerError(`${shown} is an SQLite database but not a notices ledger (its tables: ${tables.join(', ')}); give the ledger's own path.`);
    }
    const meta = tables.includes('meta')
      ? Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]))
      : {};
    if (meta.format !== undefined && meta.format !== FORMAT) {
      throw new LedgerError(`The ledger ${shown} was written by another version of the job ("${meta.format}"), which this one cannot read.`);
    }
    if (meta.site !== undefined && meta.site !== site) {
      throw new LedgerError(`The ledger ${shown} records the notices of ${meta.site}, not of ${site}; give each site its own ledger.`);
    }
    if (options.readOnly) return db;
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; BEGIN IMMEDIATE; ${SCHEMA}`);
    const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    insert.run('format', FORMAT);
    insert.run('site', site);
    db.exec('COMMIT');
    return db;
  } catch (error) {
    try {
      if (db?.isTransaction) db.exec('ROLLBACK');
      db?.close();
    } catch {
      // The first error is the one to report.
    }
    if (error instanceof LedgerError) throw error;
    const { errcode, code } = error as { errcode?: number; code?: string };
    if (errcode === 26 || errcode === 11) {
      throw new LedgerError(`${shown} is not a notices ledger: ${reason(error)}. Give the ledger's own path, or a new file to start one.`);
    }
    const what = code && !errcode ? (error as Error).message.replace(/^\w+: /, '').replace(/, \w+ '.*$/, '') : reason(error);
    throw new LedgerError(`Cannot open the ledger ${shown}: ${what}.`);
  }
}

/** Whether a process with this id exists on this machine. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What tells two runs whether they can see each other's processes: the
 * kernel's boot id and PID namespace (two containers with one host name see
 * different processes), else the host name.
 */
export function machineKey(): string {
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return hostname();
  }
}

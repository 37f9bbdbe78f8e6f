import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { LedgerError, ledgerError, machineKey, openLedgerDatabase, processExists } from './open-ledger.ts';

export { LedgerError };

/** A (notice, subscriber) pair, the unit the ledger claims and records. */
export interface LedgerKey {
  noticeId: string;
  email: string;
}

/** Another run that holds claims in the ledger. */
export interface LedgerRun {
  id: string;
  pid: number;
  host: string;
  startedAt: string;
}

/** What a claim found: the pairs now this run's, those already delivered, and those another live run holds. */
export interface ClaimResult<T extends LedgerKey> {
  claimed: T[];
  delivered: T[];
  held: Array<{ job: T; run: LedgerRun }>;
}

/** How long a claim lasts without being renewed; a run renews its claims every third of it. */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * The durable record of the notice job, in SQLite through Node's built-in
 * node:sqlite (WAL, synchronous=FULL). Before a message is sent its pair is
 * claimed by one run, in a write transaction, with a lease that the run
 * renews; a delivery is recorded, and its claim dropped, only after the SMTP
 * server accepted the message. Overlapping runs therefore share the work and
 * never send the same pair. A claim whose run is gone (same host, no such
 * process) or whose lease ran out is free at once, so a run that died costs
 * at most the messages it had in flight. Every write failure is a `LedgerError`.
 */
export class Ledger {
  /** This run's id, as other runs see it. */
  readonly run: LedgerRun;
  readonly #db: DatabaseSync;
  readonly #leaseMs: number;
  readonly #machine = machineKey();
  readonly #readOnly: boolean;
  /** Until when every claim of this run is protected: the last renewal (or registration) plus the lease. */
  #leaseUntil = 0;
  readonly #sql: Partial<Record<'delivered' | 'claimOf' | 'takeClaim' | 'record' | 'release' | 'ownLease' | 'renewRun' | 'renewClaims', StatementSync>>;

  /**
   * Opens (or creates) the ledger of the notices of `site`. A `readOnly` ledger
   * (a dry run) only answers `has` and writes nothing.
   * @throws {LedgerError} when the file cannot be opened, is not a ledger, or belongs to another site.
   */
  constructor(file: string, options: { site: string; leaseMs?: number; readOnly?: boolean }) {
    this.#readOnly = options.readOnly ?? false;
    this.#db = openLedgerDatabase(file, options.site, { readOnly: this.#readOnly });
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.run = { id: randomUUID(), pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    const db = this.#db;
    this.#sql = { delivered: db.prepare('SELECT 1 FROM deliveries WHERE notice_id = ? AND email = ?') };
    if (this.#readOnly) return;
    Object.assign(this.#sql, {
      claimOf: db.prepare(
        'SELECT c.run_id, c.lease_until, r.pid, r.host, r.machine, r.started_at FROM claims c JOIN runs r ON r.run_id = c.run_id WHERE c.notice_id = ? AND c.email = ?',
      ),
      takeClaim: db.prepare('INSERT OR REPLACE INTO claims (notice_id, email, run_id, claimed_at, lease_until) VALUES (?, ?, ?, ?, ?)'),
      record: db.prepare('INSERT OR IGNORE INTO deliveries (notice_id, email, locale, message_id, accepted_at, response) VALUES (?, ?, ?, ?, ?, ?)'),
      release: db.prepare('DELETE FROM claims WHERE notice_id = ? AND email = ? AND run_id = ?'),
      ownLease: db.prepare('SELECT lease_until FROM runs WHERE run_id = ?'),
      renewRun: db.prepare('UPDATE runs SET lease_until = ? WHERE run_id = ?'),
      renewClaims: db.prepare('UPDATE claims SET lease_until = ? WHERE run_id = ?'),
    });
    this.#write('register this run', () => {
      // Runs of this machine whose process is gone free their claims; a day past their lease, any run's row goes.
      const runs = db.prepare('SELECT run_id, pid, machine, lease_until FROM runs').all() as Array<{
        run_id: string;
        pid: number;
        machine: string;
        lease_until: number;
      }>;
      for (const run of runs.filter((r) => (r.machine === this.#machine && !processExists(r.pid)) || r.lease_until < Date.now() - 86_400_000)) {
        db.prepare('DELETE FROM claims WHERE run_id = ?').run(run.run_id);
        db.prepare('DELETE FROM runs WHERE run_id = ?').run(run.run_id);
      }
      const until = Date.now() + this.#leaseMs;
      db.prepare('INSERT INTO runs (run_id, pid, host, started_at, lease_until, machine) VALUES (?, ?, ?, ?, ?, ?)').run(
        this.run.id,
        this.run.pid,
        this.run.host,
        this.run.startedAt,
        until,
        this.#machine,
      );
      this.#leaseUntil = until;
    });
  }

  /** How long this run's claims last unless renewed. */
  get leaseMs(): number {
    return this.#leaseMs;
  }

  /** Whether this notice was already delivered to this address. */
  has(noticeId: string, email: string): boolean {
    return this.#sql.delivered!.get(noticeId, email.toLowerCase()) !== undefined;
  }

  /**
   * Claims up to `limit` of `jobs`, from `start` on, for this run, in one write
   * transaction, skipping pairs already delivered and pairs another live run
   * holds. Returns what it claimed, what it skipped, and how many it looked at.
   */
  claim<T extends LedgerKey>(jobs: readonly T[], start: number, limit: number): ClaimResult<T> & { scanned: number } {
    const result: ClaimResult<T> & { scanned: number } = { claimed: [], delivered: [], held: [], scanned: 0 };
    this.assertLease();
    this.#write('claim recipients', () => {
      const now = Date.now();
      for (let i = start; i < jobs.length && result.claimed.length < limit; i++) {
        const job = jobs[i]!;
        result.scanned++;
        const email = job.email.toLowerCase();
        if (this.#sql.delivered!.get(job.noticeId, email)) {
          result.delivered.push(job);
          continue;
        }
        const holder = this.#sql.claimOf!.get(job.noticeId, email) as
          | { run_id: string; lease_until: number; pid: number; host: string; machine: string; started_at: string }
          | undefined;
        // A claim of a run that is gone, or whose lease ran out, is free; the run itself stops when it notices.
        const live = holder && holder.lease_until > now && (holder.machine !== this.#machine || processExists(holder.pid));
        if (holder && live && holder.run_id !== this.run.id) {
          result.held.push({ job, run: { id: holder.run_id, pid: holder.pid, host: holder.host, startedAt: holder.started_at } });
          continue;
        }
        this.#sql.takeClaim!.run(job.noticeId, email, this.run.id, new Date(now).toISOString(), now + this.#leaseMs);
        result.claimed.push(job);
      }
    });
    return result;
  }

  /** Records a delivery the SMTP server accepted and drops its claim, in one transaction. */
  record(delivery: LedgerKey & { locale: string; messageId: string; response: string }): void {
    const email = delivery.email.toLowerCase();
    this.#write('record a delivery', () => {
      this.#sql.record!.run(delivery.noticeId, email, delivery.locale, delivery.messageId, new Date().toISOString(), delivery.response);
      this.#sql.release!.run(delivery.noticeId, email, this.run.id);
    });
  }

  /** Gives a claimed pair back, undelivered, for this or another run to try again. */
  release(key: LedgerKey): void {
    this.#write('release a claim', () => this.#sql.release!.run(key.noticeId, key.email.toLowerCase(), this.run.id));
  }

  /**
   * Throws unless this run's claims are still its own: a run paused (or
   * starved) past its lease may have lost them to another run, and must not
   * send what that run may be sending too. Checked before each message.
   */
  assertLease(): void {
    if (Date.now() >= this.#leaseUntil) {
      throw new LedgerError(
        `This run's claims expired (it could not renew them for ${this.#leaseMs / 1000} second${this.#leaseMs === 1000 ? '' : 's'}), so another run may have taken them over.`,
      );
    }
  }

  /** Extends the lease of this run and of every claim it holds, unless it already ran out. */
  renew(): void {
    this.assertLease();
    const until = Date.now() + this.#leaseMs;
    this.#write('renew this run’s claims', () => {
      const own = this.#sql.ownLease!.get(this.run.id) as { lease_until: number } | undefined;
      if (!own || own.lease_until <= Date.now()) this.#leaseUntil = 0;
      this.assertLease();
      this.#sql.renewRun!.run(until, this.run.id);
      this.#sql.renewClaims!.run(until, this.run.id);
    });
    this.#leaseUntil = until;
  }

  /** Drops this run and whatever it still claims, then closes the file. Never throws: the report matters more. */
  close(): void {
    if (!this.#readOnly) {
      try {
        this.#write('release this run’s claims', () => {
          this.#db.prepare('DELETE FROM claims WHERE run_id = ?').run(this.run.id);
          this.#db.prepare('DELETE FROM runs WHERE run_id = ?').run(this.run.id);
        });
      } catch {
        // Left behind, the claims are taken over as soon as this process is gone.
      }
    }
    this.#db.close();
  }

  // BEGIN IMMEDIATE takes the write lock up front, so two runs never both read a pair as free.
  #write(what: string, work: () => void): void {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw ledgerError(what, error);
    }
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      try {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      } catch {
        // The failed write is what to report.
      }
      throw ledgerError(what, error);
    }
  }
}

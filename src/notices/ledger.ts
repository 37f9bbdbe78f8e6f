import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The durable record of deliveries: a (notice, subscriber) pair is written
 * only after the SMTP server accepted the message, with SQLite's full fsync,
 * so a crash can lose nothing and can duplicate only the messages in flight.
 * Uses Node's built-in node:sqlite: no native build.
 */
export class Ledger {
  readonly #db: DatabaseSync;
  readonly #has;
  readonly #record;

  constructor(file: string) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.#db = new DatabaseSync(file);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS deliveries (
        notice_id TEXT NOT NULL,
        email TEXT NOT NULL,
        locale TEXT NOT NULL,
        message_id TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        response TEXT,
        PRIMARY KEY (notice_id, email)
      );
    `);
    this.#has = this.#db.prepare('SELECT 1 FROM deliveries WHERE notice_id = ? AND email = ?');
    this.#record = this.#db.prepare('INSERT OR IGNORE INTO deliveries (notice_id, email, locale, message_id, accepted_at, response) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Whether this notice was already delivered to this address. */
  has(noticeId: string, email: string): boolean {
    return this.#has.get(noticeId, email.toLowerCase()) !== undefined;
  }

  /** Records a delivery the SMTP server accepted. */
  record(delivery: { noticeId: string; email: string; locale: string; messageId: string; response: string }): void {
    this.#record.run(delivery.noticeId, delivery.email.toLowerCase(), delivery.locale, delivery.messageId, new Date().toISOString(), delivery.response);
  }

  /** How many deliveries are recorded, per notice. */
  counts(): Record<string, number> {
    const rows = this.#db.prepare('SELECT notice_id, COUNT(*) AS n FROM deliveries GROUP BY notice_id ORDER BY notice_id').all() as Array<{
      notice_id: string;
      n: number;
    }>;
    return Object.fromEntries(rows.map((r) => [r.notice_id, r.n]));
  }

  close(): void {
    this.#db.close();
  }
}

import type { Ledger, LedgerKey, LedgerRun } from './ledger.ts';

/** How the report names another run: enough for an operator to find it. */
export const describeRun = (run: LedgerRun) => `run ${run.id.slice(0, 8)} (process ${run.pid} on ${run.host}, started ${run.startedAt})`;

/** The pairs a run sends, in order, each claimed in the ledger before it is handed out. */
export interface ClaimQueue<T> {
  /** The next pair to send, claimed for this run; undefined when there is none left. Throws a LedgerError if the claim cannot be written. */
  take(): T | undefined;
  /** The pairs never handed out: claimed and not yet taken, or never looked at. Those another run holds go to the report. */
  rest(): T[];
}

/**
 * Hands out `jobs` to the job's workers. With a ledger, pairs are claimed a
 * batch at a time (one transaction, one fsync per batch), so a run that
 * overlaps with another takes only what that one has not claimed, and both
 * finish sooner. Pairs another run held are looked at once more at the end,
 * in case that run died meanwhile; what it still holds is its to send.
 */
export function claimQueue<T extends LedgerKey>(
  jobs: readonly T[],
  ledger: Ledger | undefined,
  batch: number,
  report: { sentElsewhere: number; heldElsewhere: Array<{ notice: string; email: string; run: string }> },
): ClaimQueue<T> {
  let cursor = 0;
  if (!ledger) return { take: () => jobs[cursor++], rest: () => jobs.slice(cursor) };
  const queue: T[] = [];
  let deferred: Array<{ job: T; run: LedgerRun }> = [];
  let revisited = false;
  const claim = (from: readonly T[], start: number, limit: number) => {
    const result = ledger.claim(from, start, limit);
    queue.push(...result.claimed);
    report.sentElsewhere += result.delivered.length;
    return result;
  };
  const held = (pairs: Array<{ job: T; run: LedgerRun }>) => {
    for (const { job, run } of pairs) report.heldElsewhere.push({ notice: job.noticeId, email: job.email, run: describeRun(run) });
  };
  return {
    take() {
      while (queue.length === 0) {
        if (cursor < jobs.length) {
          const result = claim(jobs, cursor, batch);
          cursor += result.scanned;
          deferred.push(...result.held);
        } else if (!revisited && deferred.length > 0) {
          revisited = true;
          const again = deferred;
          deferred = [];
          held(
            claim(
              again.map((d) => d.job),
              0,
              again.length,
            ).held,
          );
        } else return undefined;
      }
      return queue.shift();
    },
    rest() {
      held(deferred.splice(0));
      return [...queue.splice(0), ...jobs.slice(cursor)];
    },
  };
}

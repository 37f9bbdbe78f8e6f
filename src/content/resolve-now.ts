/**
 * The date ("now") that decides which version is in effect: POLICY_NOW when
 * set, so builds and tests are reproducible, otherwise today in UTC. A daily
 * rebuild therefore flips versions on their effective dates.
 *
 * @throws {Error} when POLICY_NOW is not a YYYY-MM-DD date.
 */
export function resolveNow(env: Record<string, string | undefined> = process.env, today: Date = new Date()): string {
  const override = env.POLICY_NOW?.trim();
  if (override) {
    const parsed = new Date(`${override}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(override) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== override) {
      throw new Error(
        `POLICY_NOW is "${override}", which is not a date. Set it as YYYY-MM-DD, for example POLICY_NOW=2026-01-01, or unset it to use today's date.`,
      );
    }
    return override;
  }
  return today.toISOString().slice(0, 10);
}

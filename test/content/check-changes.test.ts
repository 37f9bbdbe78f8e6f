import { describe, expect, it } from 'vitest';
import { earliestEffective } from '../../src/content/check-changes.ts';

describe('earliestEffective', () => {
  it('adds a notice period to a calendar date as date-fns add() would, without time zones', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-11-10', 'P30D', '2026-12-10'],
      ['2027-01-31', 'P1M', '2027-02-28'], // the day is clamped to the month's end
      ['2027-01-31', 'P30D', '2027-03-02'],
      ['2024-02-29', 'P1Y', '2025-02-28'],
      ['2026-12-15', 'P1M2W3D', '2027-02-01'], // months first, then weeks and days
      ['2026-01-31', 'P1M1D', '2026-03-01'],
      ['2026-11-26', 'P100Y', '2126-11-26'],
    ];
    for (const [announced, period, expected] of cases) expect(earliestEffective(announced, period), `${announced} + ${period}`).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveNow } from '../../src/content/resolve-now.ts';

describe('resolveNow', () => {
  it('uses POLICY_NOW when set', () => {
    expect(resolveNow({ POLICY_NOW: '2026-01-01' })).toBe('2026-01-01');
  });

  it('defaults to the build date in UTC', () => {
    expect(resolveNow({}, new Date('2026-11-26T23:30:00-05:00'))).toBe('2026-11-27');
  });

  it('refuses a POLICY_NOW that is not a real date, saying how to set it', () => {
    expect(() => resolveNow({ POLICY_NOW: '2026-02-30' })).toThrow('POLICY_NOW is "2026-02-30", which is not a date. Set it as YYYY-MM-DD');
    expect(() => resolveNow({ POLICY_NOW: 'tomorrow' })).toThrow(/not a date/);
  });
});

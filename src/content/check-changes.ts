import { sourceLocale } from '../config.ts';
import { describeEvent } from '../diff/describe-event.ts';
import { diffVersions } from '../diff/diff-versions.ts';
import { parseDuration } from '../i18n/format.ts';
import type { PolicyVersion } from './load-policies.ts';
import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';

/**
 * The earliest day a material change announced on `announced` may take
 * effect: the announcement date plus the notice period.
 */
export function earliestEffective(announced: string, noticePeriod: string): string {
  // Calendar arithmetic on a date without time or zone, as date-fns's add()
  // does it (months first, the day clamped to the month's end, then weeks and
  // days), in plain UTC: date-fns costs more to load than the check takes.
  const [year, month, day] = announced.split('-').map(Number) as [number, number, number];
  const p = parseDuration(noticePeriod);
  const months = year * 12 + (month - 1) + p.years * 12 + p.months;
  const lastDay = new Date(Date.UTC(Math.floor(months / 12), (months % 12) + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(Math.floor(months / 12), months % 12, Math.min(day, lastDay) + p.weeks * 7 + p.days));
  return date.toISOString().slice(0, 10);
}

/**
 * The notice a change to `version` needs: the longer of the period readers
 * were promised by the version in force and the one the new version states,
 * so a version cannot shorten its own notice.
 */
export function noticePeriodFor(previous: PolicyVersion | undefined, version: PolicyVersion): string {
  const own = version.data.noticePeriod;
  const promised = previous?.data.noticePeriod;
  // Compared by the dates they give, not by approximate days: P1M is 28 days in February, P30D always 30.
  const { announced } = version.data;
  return promised && earliestEffective(announced, promised) > earliestEffective(announced, own) ? promised : own;
}

/**
 * Checks a version against its predecessor: a version marked editorial may
 * not carry a material data change, and a material change must be announced
 * at least the notice period before it takes effect.
 */
export function checkChanges(previous: PolicyVersion, version: PolicyVersion, file: string, frontMatter: FrontMatterFile): PolicyError[] {
  const errors: PolicyError[] = [];
  // A version announced before the one it follows would be published (and diffed
  // against an older version) first, then change its changes page once the other appears.
  if (version.data.announced < previous.data.announced) {
    errors.push(
      new PolicyError(
        file,
        `This version is announced on ${version.data.announced}, before version ${previous.version}, which takes effect earlier, is announced (${previous.data.announced}).`,
        {
          place: frontMatter.placeOf(['announced']),
          hint: `Announce versions in the order they take effect: set "announced" to ${previous.data.announced} or later.`,
        },
      ),
    );
  }
  // Imported history comes first: an imported version after one published here
  // could take effect, unannounced and unnotified, in the middle of the history.
  if (version.data.imported && !previous.data.imported) {
    errors.push(
      new PolicyError(file, `This version is marked imported, but it follows version ${previous.version}, which was first published here.`, {
        place: frontMatter.placeOf(['imported']),
        hint: 'Only versions published elsewhere before this repository existed are imported, and they come before every other version. Remove "imported: true" and announce this version from today.',
      }),
    );
  }
  const change = version.data.change;
  if (!change) return errors;
  const material = diffVersions(previous, version).filter((e) => e.material);
  if (change.kind === 'editorial' && material.length > 0) {
    const words = material.map((e) => `"${describeEvent(e, previous, version, sourceLocale)}" (${e.path})`).join('; ');
    errors.push(
      new PolicyError(
        file,
        `This version is marked editorial but its data has ${material.length === 1 ? 'a material change' : `${material.length} material changes`}: ${words}.`,
        {
          place: frontMatter.placeOf(['change', 'kind']),
          hint: `Mark it "kind: material" and announce it at least ${version.data.noticePeriod} before it takes effect, or undo the data change.`,
        },
      ),
    );
  }
  // An imported version was announced where it was first published, long before this repository: no notice rule to meet.
  if (!version.data.imported && (change.kind === 'material' || material.length > 0)) {
    const period = noticePeriodFor(previous, version);
    const earliest = earliestEffective(version.data.announced, period);
    if (version.data.effective < earliest) {
      const whose = period === version.data.noticePeriod ? '' : `, the period promised by version ${previous.version}`;
      errors.push(
        new PolicyError(
          file,
          `This material change is announced on ${version.data.announced} and takes effect on ${version.data.effective}, less than the notice period (${period}${whose}) later. The earliest allowed effective date is ${earliest}.`,
          {
            place: frontMatter.placeOf(['effective']),
            hint: `Move "effective" to ${earliest} or later (and the folder name with it), or announce the change earlier.`,
          },
        ),
      );
    }
  }
  return errors;
}

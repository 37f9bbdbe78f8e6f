import type { z } from 'astro/zod';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { SitePolicy, SiteVersion } from '../site/site-model.ts';
import { absolute, urls } from '../site/urls.ts';
import { byLocale, dueVersions } from './api-documents.ts';
import type { noticeDocSchema } from './api-schemas.ts';

// Of the due versions (the email job's rule), a material change comes first: the earliest one is
// the first notice that job mails, so the app and the email always name the same change, and an
// editorial change announced before it cannot hide it. Only without a material change is the
// earliest editorial one the notice (material: false, which the element skips unless asked).
function noticeVersion(policy: SitePolicy, now: string): SiteVersion | undefined {
  const due = dueVersions(policy, now);
  return due.find((v) => v.change?.material) ?? due[0];
}

/**
 * One policy's in-app change notice, the input of the `<policy-notice>`
 * element: the dates, the change in words and links per locale, and every UI
 * string the element shows, so the element carries no translations of its own.
 * Editorial changes are included (marked so); the element skips them unless asked.
 */
export function noticeDocument(policy: SitePolicy, now: string): z.output<typeof noticeDocSchema> {
  const version = noticeVersion(policy, now);
  const change = version?.change;
  return {
    policy: policy.id,
    now,
    upcoming: Boolean(change),
    notice:
      version && change
        ? {
            // The email job's id, so a reader told by email and in the app is told about one thing.
            id: `${policy.id}/${change.from}..${change.to}`,
            from: change.from,
            to: change.to,
            effective: change.effective,
            announced: change.announced,
            material: change.material,
            kind: change.kind,
            locales: byLocale((l) => {
              const t = translator(l);
              const title = version.pages[l].title;
              return {
                title,
                summary: change.locales[l].summary,
                events: change.locales[l].events.map((e) => e.text),
                redlineUrl: absolute(urls.changes(l, policy.id, version.version)),
                versionUrl: absolute(urls.version(l, policy.id, version.version)),
                heading: t('notice.heading', { title, date: formatDate(change.effective, l) }),
                readLabel: t('notice.read'),
                diffLabel: t('notice.diff'),
                dismissLabel: t('notice.dismiss'),
                regionLabel: t('notice.region', { title }),
              };
            }),
          }
        : null,
  };
}

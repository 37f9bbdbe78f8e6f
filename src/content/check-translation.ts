import type { LocaleSource } from './load-policies.ts';
import { translatableLabels } from './labels.ts';
import type { AnyPolicyKind } from '../kinds/kind.ts';
import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';
import { PLACEHOLDER } from './placeholder.ts';
import type { BaseData } from './schema.ts';
import { siteConfig } from '../config.ts';

/**
 * Checks a translation against its version's source file: it translates every
 * label the data has and no other, and its sections carry the same ids, so
 * anchors and diffs line up across languages.
 */
export function checkTranslation(
  translation: { file: string; source: LocaleSource },
  source: { file: string; source: LocaleSource; kind: AnyPolicyKind; data?: BaseData },
  frontMatter: FrontMatterFile,
): PolicyError[] {
  const errors: PolicyError[] = [];
  const { file } = translation;
  const current = source.source.sha256.slice(0, 12);
  if (translation.source.translatedFrom !== current) {
    errors.push(
      new PolicyError(
        file,
        `This translation is stale: it was made from a different ${source.file} (source ${translation.source.translatedFrom}, now ${current}).`,
        {
          place: frontMatter.placeOf(['source']),
          hint: `Bring the translation in line with the changes to ${source.file} (\`npm run policy -- diff\` shows them), then set source: "${current}".`,
          code: 'stale-translation',
        },
      ),
    );
  }
  if (translation.source.labels['change.summary']?.includes(PLACEHOLDER)) {
    errors.push(
      new PolicyError(file, 'The change summary is still the placeholder.', {
        place: frontMatter.placeOf(['labels', 'change.summary']),
        hint: 'Translate the change summary of the source file.',
      }),
    );
  }
  if (source.data) {
    const expected = translatableLabels(source.kind, source.data);
    const given = translation.source.labels;
    for (const key of Object.keys(given)) {
      if (!expected.has(key)) {
        errors.push(
          new PolicyError(file, `The label "${key}" does not match anything in the data of ${source.file}.`, {
            place: frontMatter.placeOf(['labels', key]),
            hint: 'Remove it, or correct the key: it must name an entry by its id, such as processors.paddle.purpose.',
          }),
        );
      }
    }
    const missing = [...expected.keys()].filter((key) => !(key in given));
    if (missing.length > 0) {
      errors.push(
        new PolicyError(file, `This translation is missing ${missing.length} label${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}.`, {
          place: frontMatter.placeOf(['labels']),
          hint: `Add each under "labels", translating the text from ${source.file}; for example ${missing[0]}: "${expected.get(missing[0]!)}".`,
        }),
      );
    }
  }
  // Compare anchors only when both texts parsed cleanly; otherwise the cause is already reported.
  if (translation.source.body.errors.length > 0 || source.source.body.errors.length > 0) return errors;
  const ids = translation.source.body.headings.map((h) => h.id);
  const sourceIds = source.source.body.headings.map((h) => h.id);
  const firstDiff = ids.findIndex((id, i) => id !== sourceIds[i]);
  if (firstDiff !== -1 || ids.length !== sourceIds.length) {
    const index = firstDiff === -1 ? Math.min(ids.length, sourceIds.length) : firstDiff;
    const heading = translation.source.body.headings[index];
    errors.push(
      new PolicyError(
        file,
        `The section ids differ from ${source.file}: heading ${index + 1} here is ${heading ? `"${heading.id}"` : 'missing'}, there it is ${sourceIds[index] ? `"${sourceIds[index]}"` : 'missing'}.`,
        {
          place: heading ? { line: heading.line, column: 1 } : undefined,
          hint: 'Give each heading the same {#id} as the matching heading of the source, in the same order.',
        },
      ),
    );
  }
  return errors;
}

/**
 * Every configured locale needs a translation of every version, or an
 * explicit `fallback` entry that shows the source text with a notice.
 */
export function checkMissingLocales(source: { file: string; data?: BaseData; frontMatter: FrontMatterFile }, present: readonly string[]): PolicyError[] {
  const fallback = source.data?.fallback ?? [];
  return siteConfig.locales
    .filter((locale) => !present.includes(locale) && !fallback.includes(locale))
    .map(
      (locale) =>
        new PolicyError(source.file, `This version has no ${locale} translation.`, {
          place: source.frontMatter.placeOf(['title']),
          hint: `Add ${source.file.replace(/[^/]+$/, `${locale}.mdx`)}, or add "fallback: [${locale}]" here to show this text to ${locale} readers with a notice until it is translated.`,
        }),
    );
}

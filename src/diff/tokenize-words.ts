const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Splits text into words, spaces and punctuation with Intl.Segmenter, so
 * scripts written without spaces (Japanese, Thai) still diff word by word.
 * Joining the tokens gives back the text exactly.
 */
export function tokenizeWords(text: string, locale: string): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  const tokens: string[] = [];
  for (const { segment } of segmenter.segment(text)) tokens.push(segment);
  return tokens;
}

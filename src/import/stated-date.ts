const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
// "Last updated: April 20, 2023", "Effective date: 20 April 2023", "Updated 2023-04-20", in the first lines of a text.
const LABEL = '(?:last\\s+(?:updated|modified|revised)|effective(?:\\s+(?:date|as\\s+of|from))?|updated|revised|version\\s+date)\\s*(?:on\\s*)?[:\\-–—]?\\s*';
const FORMS = [
  new RegExp(`${LABEL}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i'),
  new RegExp(`${LABEL}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`, 'i'),
  new RegExp(`${LABEL}(\\d{4})-(\\d{2})-(\\d{2})`, 'i'),
];

const iso = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2023-02-30 is no day: a typo is no date at all.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
};
const monthOf = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/**
 * The date a policy's text says it took effect or was last updated
 * ("Last updated: April 20, 2023", "Effective date: 20 April 2023"), read from
 * the text only (never guessed); undefined when it states none, as in
 * "Last updated: [DATE]".
 */
export function statedDate(text: string): string | undefined {
  const plain = text.replace(/[*_`]|&[a-z]+;|<[^>]+>/gi, ' ');
  const [byMonth, byDay, byNumber] = FORMS.map((form) => form.exec(plain));
  const found = [
    byMonth && iso(Number(byMonth[3]), monthOf(byMonth[1]!), Number(byMonth[2])),
    byDay && iso(Number(byDay[3]), monthOf(byDay[2]!), Number(byDay[1])),
    byNumber && iso(Number(byNumber[1]), Number(byNumber[2]), Number(byNumber[3])),
  ];
  const indexes = [byMonth?.index, byDay?.index, byNumber?.index];
  // The first date stated in the text wins.
  let best: string | undefined;
  let at = Number.POSITIVE_INFINITY;
  found.forEach((date, i) => {
    if (date && (indexes[i] ?? Number.POSITIVE_INFINITY) < at) [best, at] = [date, indexes[i]!];
  });
  return best;
}

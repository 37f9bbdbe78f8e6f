import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatDuration } from '../i18n/format.ts';
import type { DataComponent } from './kind.ts';

/** A list item that starts with its term in bold: "**Access:** see the data we hold". */
export const strongItem = (term: string, text: string) => h('li', [h('strong', `${term}:`), ` ${text}`]);

// Wide tables scroll inside a focusable region so keyboard users can reach them.
type Cell = string | ElementContent | ElementContent[] | Array<string | ElementContent>;
/** A data table with a caption and row headers. */
export const table = (caption: string, head: string[], rows: Cell[][]) =>
  h('div', { className: ['table-scroll'], role: 'region', ariaLabel: caption, tabIndex: 0 }, [
    h('table', [
      h('caption', caption),
      h(
        'thead',
        h(
          'tr',
          head.map((cell) => h('th', { scope: 'col' }, cell)),
        ),
      ),
      h(
        'tbody',
        rows.map(([first, ...rest]) => h('tr', [h('th', { scope: 'row' }, first!), ...rest.map((cell) => h('td', cell))])),
      ),
    ]),
  ]);

type Contacts = { contacts?: Array<{ id: string; email: string }>; minimumAge?: number };

/** Components several kinds share: the common notice period, and a contact or minimum age where the kind has them. */
export const sharedRenderers: Record<string, DataComponent<Contacts & { noticePeriod: string }>> = {
  Email({ data }, { contact }) {
    const email = data.contacts!.find((c) => c.id === contact)!.email;
    return h('a', { href: `mailto:${email}` }, email);
  },
  MinimumAge({ data }) {
    return String(data.minimumAge);
  },
  NoticePeriod({ data, locale }) {
    return formatDuration(data.noticePeriod, locale);
  },
};

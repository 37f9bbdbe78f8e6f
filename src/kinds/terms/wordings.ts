import { localizedLabel } from '../../content/labels.ts';
import { optional, type Side, type WordingContext } from '../../diff/event-wordings.ts';
import { minimumAgeWording } from '../../diff/event-wordings.ts';
import { privacyWordings } from '../privacy/wordings.ts';
import { lawText, providerText } from './describe-facts.ts';
import type { TermsData } from './schema.ts';

const data = (c: WordingContext, side: Side) => c.versions[side].data as TermsData;
const label = (c: WordingContext, side: Side) => (key: string, text: string) => localizedLabel(c.versions[side], c.reader, key, text);

// An object-valued fact is worded whole, each side in its own version's words,
// so a change of one field reads "from California, United States to Delaware, United States".
function whole<K extends 'provider' | 'governingLaw' | 'venue'>(key: K, text: (value: NonNullable<TermsData[K]>, c: WordingContext, side: Side) => string) {
  return (c: WordingContext) => {
    const [before, after] = (['before', 'after'] as const).map((side) => {
      const value = data(c, side)[key];
      return value === undefined ? undefined : text(value as NonNullable<TermsData[K]>, c, side);
    });
    if (before === after) return undefined;
    return c.t(optional(`event.${key}`, { ...c.event, before, after }), { before, after });
  };
}

/** The plain-words sentence of a change to terms' data, one function per subject of its schema. */
export const termsWordings: Record<string, (c: WordingContext) => string | undefined> = {
  provider: whole('provider', (p, c, side) => providerText(p, c.locale, label(c, side))),
  contacts: privacyWordings.contacts!,
  governingLaw: whole('governingLaw', (law, c, side) => lawText(law, c.locale, label(c, side))),
  venue(c) {
    const { event, t } = c;
    if (event.field === 'exclusive') {
      const courts = label(c, 'after')('venue.courts', data(c, 'after').venue!.courts);
      return t(event.after ? 'event.venue.exclusive.added' : 'event.venue.exclusive.removed', { courts });
    }
    return whole('venue', (v, c, side) => label(c, side)('venue.courts', v.courts))(c);
  },
  arbitration(c) {
    const { event, t } = c;
    if (event.field === undefined) return t(event.after === undefined ? 'event.arbitration.removed' : 'event.arbitration.added');
    if (event.field === 'required' || event.field === 'classActionWaiver') return t(`event.arbitration.${event.field}.${Boolean(event.after)}`);
    const text = (side: Side) => {
      const value = (event[side] as string | number | undefined) ?? undefined;
      return typeof value === 'string' ? label(c, side)(`arbitration.${event.field}`, value) : value;
    };
    return t(optional(`event.arbitration.${event.field}`, event), { before: text('before'), after: text('after') });
  },
  minimumAge(c) {
    const { event, t } = c;
    return event.before === undefined || event.after === undefined
      ? t(optional('event.minimumAge', event), { before: event.before, after: event.after })
      : minimumAgeWording(c);
  },
};

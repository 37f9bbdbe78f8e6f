import { baseComponents, type ComponentSpec, emailComponent, minimumAgeComponent } from '../components.ts';

/** The components of terms' text, each showing one of the facts the front-matter states. */
export const termsComponents: Record<string, ComponentSpec> = {
  GoverningLaw: { props: {}, inline: true, description: 'the governing law, such as "Colombia" or "California, United States"' },
  Venue: { props: {}, inline: true, description: 'the courts that hear disputes' },
  Arbitration: { props: {}, inline: false, description: 'how disputes are arbitrated: rules, seat, class-action waiver and opt-out window' },
  Provider: { props: {}, inline: false, description: 'who the reader contracts with, and its contacts' },
  Email: emailComponent,
  MinimumAge: minimumAgeComponent,
  ...baseComponents,
};

/** The field each component shows, so a component cannot show a fact the version does not state. */
export const termsComponentFields: Record<string, string> = {
  GoverningLaw: 'governingLaw',
  Venue: 'venue',
  Arbitration: 'arbitration',
  Provider: 'provider',
  MinimumAge: 'minimumAge',
};

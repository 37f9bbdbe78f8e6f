/**
 * The components a policy may use, and their props. Policy text is parsed but
 * never executed, so each kind's list is its whole vocabulary: anything else is
 * an error at the line where it appears.
 */
export interface ComponentSpec {
  /** Props the component takes; each must be a literal string. */
  props: Record<string, { required: boolean; description: string }>;
  /** Inline components sit inside a sentence; block ones stand on their own line. */
  inline: boolean;
  /** What it renders, for error hints and the authoring guide. */
  description: string;
}

/** Components every kind has: they show the common fields. */
export const baseComponents: Record<string, ComponentSpec> = {
  NoticePeriod: { props: {}, inline: true, description: 'the notice period, such as "30 days"' },
};

/** The contact link, for kinds whose data has `contacts`. */
export const emailComponent: ComponentSpec = {
  props: { contact: { required: true, description: 'the `id` of one of the contacts' } },
  inline: true,
  description: 'a contact email address as a link',
};

/** The minimum age, for kinds whose data has `minimumAge`. */
export const minimumAgeComponent: ComponentSpec = { props: {}, inline: true, description: 'the minimum age, such as "18"' };

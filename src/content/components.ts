/**
 * The components a policy may use, and their props. Policy MDX is parsed but
 * never executed, so this list is the whole vocabulary: anything else is an
 * error at the line where it appears.
 */
export interface ComponentSpec {
  /** Props the component takes; each must be a literal string. */
  props: Record<string, { required: boolean; description: string }>;
  /** Inline components sit inside a sentence; block ones stand on their own line. */
  inline: boolean;
  /** What it renders, for error hints and the authoring guide. */
  description: string;
}

/** Allowlisted components by name. */
export const componentSpecs: Record<string, ComponentSpec> = {
  DataCollected: {
    props: { group: { required: true, description: 'the `group` of the dataCollected entries to list' } },
    inline: false,
    description: 'the categories of data collected in one group',
  },
  Purposes: { props: {}, inline: false, description: 'the purposes of processing' },
  Processors: { props: {}, inline: false, description: 'the processors and sub-processors table' },
  RetentionTable: { props: {}, inline: false, description: 'the retention rules table' },
  Cookies: { props: {}, inline: false, description: 'the cookie categories' },
  Rights: { props: {}, inline: false, description: 'the data-subject rights' },
  TransferSafeguards: { props: {}, inline: false, description: 'the safeguards for international transfers' },
  Contact: { props: {}, inline: false, description: 'the controller and its contacts' },
  Email: {
    props: { contact: { required: true, description: 'the `id` of one of the contacts' } },
    inline: true,
    description: 'a contact email address as a link',
  },
  MinimumAge: { props: {}, inline: true, description: 'the minimum age, such as "18"' },
  NoticePeriod: { props: {}, inline: true, description: 'the notice period, such as "30 days"' },
  ResponseTime: { props: {}, inline: true, description: 'the time to answer a rights request' },
};

/** The allowlisted names, sorted, for error messages. */
export const componentNames = Object.keys(componentSpecs).sort();

import { baseComponents, type ComponentSpec, emailComponent, minimumAgeComponent } from '../components.ts';

/** The components of a privacy policy's text: each shows part of its data. */
export const privacyComponents: Record<string, ComponentSpec> = {
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
  Email: emailComponent,
  MinimumAge: minimumAgeComponent,
  ...baseComponents,
  ResponseTime: { props: {}, inline: true, description: 'the time to answer a rights request' },
};

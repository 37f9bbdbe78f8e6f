import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/content/read-front-matter.ts';

describe('readFrontMatter', () => {
  it('reads Windows line ends without keeping a carriage return in values, at the right lines', () => {
    const file = readFrontMatter('x.mdx', '---\r\ntitle: Privacy\r\nnoticePeriod: P30D\r\n---\r\n\r\n## Hi\r\n');
    expect(file.data).toEqual({ title: 'Privacy', noticePeriod: 'P30D' });
    expect(file.placeOf(['noticePeriod'])).toEqual({ line: 3, column: 15 });
    expect(file.body.split('\n')[5]).toBe('## Hi');
  });

  it('refuses every fence language and YAML tag before anything is evaluated', () => {
    const refused = (text: string) => {
      try {
        readFrontMatter('x.mdx', text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused('---js\n({ title: process.exit(9) })\n---\n')).toBe('The front-matter is marked "---js", but policy front-matter is YAML and nothing else.');
    expect(refused('\uFEFF---javascript\n({})\n---\n')).toBe('The front-matter is marked "---javascript", but policy front-matter is YAML and nothing else.');
    expect(refused('---\rjs\n({})\n---\n')).toBe('The front-matter must be a YAML mapping of keys to values.');
    expect(refused('---\ntitle: !!binary aGk=\n---\n')).toBe('The front-matter uses the YAML tag "!!binary"; policy front-matter holds plain values only.');
    expect(refused('---\ntitle: "a\\u202Eb"\n---\n')).toBe(
      'This value contains an invisible control or text-direction character, which is not allowed in a policy file.',
    );
  });
});

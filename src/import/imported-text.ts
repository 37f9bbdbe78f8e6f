import type { Link, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import YAML from 'yaml';
import { repeatsTitle } from '../content/check-title-heading.ts';
import { parseMarkdown } from '../content/parse-markdown.ts';

/** An imported revision's text, made fit for the site, and what was changed to make it so. */
export interface ImportedText {
  /** The title, from the source's front-matter or its first `# Heading`. */
  title?: string;
  /** The Markdown body, without the source's front-matter. */
  body: string;
  /** One line per change made, for the import's report. */
  changes: string[];
}

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;
// A link no page of this site can answer: relative (`../terms/index.md`), root-relative
// (`/articles/…`, the source site's own pages) or built by a template (`{{ site.email }}`).
const leadsNowhere = (url: string) => LIQUID.test(url) || (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('#'));

/**
 * Takes one revision's Markdown as another site published it and keeps what the
 * reader saw: the source's front-matter goes (its title is kept), a first
 * `# Heading` that repeats the title goes (the page shows the title), links
 * that would lead nowhere here keep their words but lose their target (unless
 * `linkBase` says where they lead), and template tags (`{{ … }}`, `{% … %}`)
 * stay visible as the literal text they are. Every such change is listed.
 */
export function importedText(text: string, linkBase: string | undefined): ImportedText {
  const changes: string[] = [];
  let source = text.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (front) {
    try {
      const data = YAML.parse(front[1]!, { schema: 'core' }) as Record<string, unknown> | null;
      if (typeof data?.title === 'string' && data.title.trim()) title = data.title.trim();
    } catch {
      // A front-matter YAML cannot read says nothing we keep.
    }
    source = source.slice(front[0].length);
    changes.push('front-matter replaced');
  }
  const h1 = /^\s*# +(.+?)\s*#*\s*$/m.exec(source.split(/\n\s*\n/, 1)[0] ?? '');
  if (h1 && (!title || repeatsTitle(h1[1]!, title))) {
    title ??= h1[1]!.trim();
    source = source.replace(/^\s*# +.+\n/, '');
    changes.push('first heading dropped (it is the title)');
  }
  if (!linkBase) source = unlinkNowhere(source, changes);
  const literal = source.replace(/\{([{%])/g, (_all, second: string) => `&#123;${second}`);
  if (literal !== source) changes.push(`${(source.match(/\{[{%]/g) ?? []).length} template tag(s) kept as literal text`);
  return { title, body: literal, changes };
}

function unlinkNowhere(source: string, changes: string[]): string {
  const { tree } = parseMarkdown('import.md', source, { strict: false });
  const cuts: Array<{ start: number; end: number; text: string }> = [];
  visit(tree as Nodes, 'link', (link: Link) => {
    const [start, end] = [link.position?.start.offset, link.position?.end.offset];
    const first = link.children[0]?.position?.start.offset;
    const last = link.children.at(-1)?.position?.end.offset;
    if (start === undefined || end === undefined || !leadsNowhere(link.url)) return;
    cuts.push({ start, end, text: first !== undefined && last !== undefined ? source.slice(first, last) : '' });
  });
  let out = source;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, cut.start) + cut.text + out.slice(cut.end);
  // Raw HTML links: the element stays, its target goes.
  let html = 0;
  out = out.replace(/(<a\b[^>]*?)\s+href=("[^"]*"|'[^']*')/gi, (all, tag: string, value: string) => {
    if (!leadsNowhere(value.slice(1, -1))) return all;
    html++;
    return tag;
  });
  const count = cuts.length + html;
  if (count > 0) changes.push(`${count} link(s) to pages of the source site unlinked (their words kept; --link-base keeps them)`);
  return out;
}

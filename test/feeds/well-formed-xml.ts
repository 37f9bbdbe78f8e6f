import { XMLParser, XMLValidator } from 'fast-xml-parser';

// XML 1.0's Char production; a lone surrogate matches as one code point under the `u` flag.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;

/**
 * What makes `xml` not well-formed XML 1.0, as a list (empty when it is).
 * fast-xml-parser's validator checks the tags; it lets through characters XML
 * forbids, unknown entities and a stray "]]>", so those are checked here.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) problems.push(`${valid.err.code} at ${valid.err.line}:${valid.err.col}: ${valid.err.msg}`);
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) problems.push(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML, at offset ${bad.index}`);
  // Outside CDATA sections, "]]>" is not allowed and every "&" starts a known reference.
  const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (outside.includes(']]>')) problems.push('"]]>" outside a CDATA section (a CDATA section was broken out of)');
  for (let at = outside.indexOf('&'); at !== -1; at = outside.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    const ref = REFERENCE.exec(outside);
    const code = ref?.[2] ? Number(ref[2]) : ref?.[3] ? Number.parseInt(ref[3], 16) : undefined;
    if (!ref || (code !== undefined && (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code))))) {
      problems.push(`bad reference "${outside.slice(at, at + 12)}"`);
    }
  }
  return problems;
}

type TextNode = string | { '#text'?: string; '#cdata'?: string | string[]; '@type'?: string } | undefined;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  parseTagValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  isArray: (name) => name === 'entry',
});
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// One pass over the references, as XML defines. (fast-xml-parser's own decoding turns
// "&amp;lt;" into "<", which would hide exactly the escaping these tests check.)
const decode = (text: string) =>
  text.replace(/&(?:(\w+)|#(\d+)|#x([0-9a-fA-F]+));/g, (all, name: string, dec: string, hex: string) =>
    name ? (ENTITIES[name] ?? all) : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex, 16)),
  );
const textOf = (node: TextNode) => (typeof node === 'string' ? decode(node) : `${decode(node?.['#text'] ?? '')}${[node?.['#cdata'] ?? []].flat().join('')}`);

/** A feed's title and its entries' text constructs as an XML 1.0 parser reads them, with each one's `type`. */
export function readAtom(xml: string) {
  const feed = parser.parse(xml).feed as { title: TextNode; entry?: Array<Record<'title' | 'summary' | 'content' | 'id', TextNode>> };
  const construct = (node: TextNode) => ({ type: (typeof node === 'object' && node['@type']) || 'text', value: textOf(node) });
  return {
    title: construct(feed.title),
    entries: (feed.entry ?? []).map((e) => ({ id: textOf(e.id), title: construct(e.title), summary: construct(e.summary), content: construct(e.content) })),
  };
}

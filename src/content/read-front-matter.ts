import matter from 'gray-matter';
import YAML, { LineCounter, isNode, isScalar, type Document } from 'yaml';
import { FORBIDDEN } from './check-characters.ts';
import { PolicyError, type Place } from './policy-error.ts';

/** A policy file split into its front-matter and its MDX body. */
export interface FrontMatterFile {
  /** The parsed front-matter, not yet validated. */
  data: Record<string, unknown>;
  /** The MDX body, with blank lines in place of the front-matter so positions match the file. */
  body: string;
  /** Finds the line and column of a value in the front-matter by its path. */
  placeOf(path: readonly PropertyKey[]): Place;
}

// gray-matter picks its parser from the text after the opening `---` and merges
// our engines over its defaults, whose `javascript` engine runs eval(). The
// fence is checked before gray-matter sees the file, and every engine but ours
// is replaced by one that refuses, so no fence can reach code evaluation.
const refuse = () => {
  throw new Error('Only YAML front-matter is read.');
};
const FENCE = /^\uFEFF?---([^\r\n]*)/;

/**
 * Splits a policy file with gray-matter, parsing the YAML with `yaml` (whose
 * nodes keep their source ranges) so schema errors can point at a line.
 * Front-matter is YAML and nothing else: other fence languages and YAML tags
 * such as `!!js/function` are refused.
 *
 * @throws {PolicyError} when the front-matter is not plain YAML.
 */
export function readFrontMatter(file: string, text: string): FrontMatterFile {
  // Windows and old Mac line ends would otherwise stay in YAML values ("P30D\r").
  const source = text.replace(/\r\n?/g, '\n');
  const language = FENCE.exec(source)?.[1]?.trim();
  if (language) {
    throw new PolicyError(file, `The front-matter is marked "---${language}", but policy front-matter is YAML and nothing else.`, {
      place: { line: 1, column: 4 },
      hint: 'Start the file with a line of exactly three dashes (---), then the YAML keys.',
    });
  }
  const deepLine = deepestYamlLine(source);
  if (deepLine) {
    throw new PolicyError(file, `The front-matter is nested more than ${MAX_YAML_DEPTH} levels deep.`, {
      place: { line: deepLine, column: 1 },
      hint: 'Front-matter needs only a few levels of lists and keys; remove the extra brackets or indentation.',
    });
  }
  let doc: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      language: 'yaml',
      engines: {
        yaml: (yamlText: string) => {
          doc = YAML.parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
          const first = doc.errors[0];
          if (first) throw first;
          refuseTagsAndHiddenText(file, doc, lineCounter, yamlText);
          return (doc.toJS() ?? {}) as object;
        },
        ...Object.fromEntries(['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml'].map((name) => [name, refuse])),
      },
    });
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    const yamlError = error as { pos?: [number, number]; message: string };
    const pos = yamlError.pos ? lineCounter.linePos(yamlError.pos[0]) : undefined;
    const deep = error instanceof RangeError || /call stack/i.test(yamlError.message);
    const reason = deep
      ? 'it is nested too deeply to read'
      : yamlError.message
          .split('\n')[0]!
          .replace(/ at line \d+, column \d+:?$/, '')
          .replace(/\.$/, '');
    throw new PolicyError(file, `The front-matter is not valid YAML: ${reason}.`, {
      place: pos ? { line: pos.line, column: pos.col } : undefined,
      hint: deep
        ? 'Front-matter needs only a few levels of lists and keys; remove the extra brackets or indentation.'
        : 'Check the indentation and quote values that contain ": " or start with a special character such as [ { * & !.',
    });
  }
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PolicyError(file, 'The front-matter must be a YAML mapping of keys to values.', { place: { line: 2, column: 1 } });
  }
  const headerLength = source.length - parsed.content.length;
  const body = source.slice(0, headerLength).replace(/[^\n]/g, '') + parsed.content;

  function placeOf(path: readonly PropertyKey[]): Place {
    if (!doc) return { line: 1, column: 1 };
    // Walk down as far as the path exists: a missing key points at its parent.
    // gray-matter hands the YAML over with the opening fence's line break, so
    // the YAML's line numbers are already the file's.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 2, column: 1 };
  }

  return { data, body, placeOf };
}

const MAX_YAML_DEPTH = 50;

// The YAML parser recurses on nested brackets and indentation; a header that
// nests too deeply is refused at its line before it is parsed.
function deepestYamlLine(source: string): number | undefined {
  const lines = source.split('\n');
  if (!FENCE.test(source)) return undefined;
  let flow = 0;
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]!); i++) {
    const line = lines[i]!;
    let deepest = flow;
    for (const char of line) {
      flow += char === '[' || char === '{' ? 1 : char === ']' || char === '}' ? -1 : 0;
      deepest = Math.max(deepest, flow);
    }
    const indent = /^[ -]*/.exec(line)![0].length;
    if (deepest > MAX_YAML_DEPTH || indent > MAX_YAML_DEPTH * 2) return i + 1;
  }
  return undefined;
}

// Tags such as `!!js/function` or `!!binary` ask the reader to build something
// other than text, numbers and lists; policies never need one. Escapes in
// double-quoted YAML ("\u0007") decode to characters the file-level character
// check cannot see, so decoded text is checked here too.
function refuseTagsAndHiddenText(file: string, doc: Document.Parsed, lineCounter: LineCounter, text: string): void {
  YAML.visit(doc, {
    Node(_key, node) {
      const place = () => {
        const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
        return { line, column: col };
      };
      if (isScalar(node) && typeof node.value === 'string' && FORBIDDEN.test(node.value)) {
        throw new PolicyError(file, 'This value contains an invisible control or text-direction character, which is not allowed in a policy file.', {
          place: place(),
          hint: 'Remove the escape (such as \\u0007) or the character; write the text as readers should see it.',
        });
      }
      if (!node.tag) return;
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      // The node's range starts at its value; point at the tag before it.
      const start = node.range?.[0] ?? 0;
      const tagAt = text.slice(0, start).search(/!\S*\s*$/);
      const { line, col } = lineCounter.linePos(tagAt >= 0 ? tagAt : start);
      throw new PolicyError(file, `The front-matter uses the YAML tag "${tag}"; policy front-matter holds plain values only.`, {
        place: { line, column: col },
        hint: 'Remove the tag and write the value itself, in quotes if it is text.',
      });
    },
  });
}

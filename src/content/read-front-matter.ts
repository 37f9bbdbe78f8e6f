import matter from 'gray-matter';
import YAML, { LineCounter, isNode, type Document } from 'yaml';
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

/**
 * Splits a policy file with gray-matter, parsing the YAML with `yaml` (whose
 * nodes keep their source ranges) so schema errors can point at a line.
 *
 * @throws {PolicyError} when the YAML does not parse.
 */
export function readFrontMatter(file: string, source: string): FrontMatterFile {
  let doc: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      engines: {
        yaml: (text: string) => {
          doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
          const first = doc.errors[0];
          if (first) throw first;
          return (doc.toJS() ?? {}) as object;
        },
      },
    });
  } catch (error) {
    const yamlError = error as { pos?: [number, number]; message: string };
    const pos = yamlError.pos ? lineCounter.linePos(yamlError.pos[0]) : undefined;
    const reason = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    throw new PolicyError(file, `The front-matter is not valid YAML: ${reason}.`, {
      place: pos ? { line: pos.line + 1, column: pos.col } : undefined,
      hint: 'Check the indentation and quote values that contain ": " or start with a special character such as [ { * & !.',
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
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line: line + 1, column: col };
      }
    }
    return { line: 2, column: 1 };
  }

  return { data, body, placeOf };
}

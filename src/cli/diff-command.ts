import { diffFiles } from '../diff/diff-files.ts';
import { diffToJson, diffToMarkdown, diffToText } from '../diff/format-diff.ts';
import { UsageError } from './usage-error.ts';

const formats = { text: diffToText, json: diffToJson, markdown: diffToMarkdown };

/** `policy diff <old> <new> [--format text|json|markdown]`: compares two files without a build. */
export function diffCommand(files: readonly string[], format: string, out: (text: string) => void): number {
  if (files.length !== 2) throw new UsageError(`diff takes two files, the old and the new; got ${files.length}.`);
  const formatter = formats[format as keyof typeof formats];
  if (!formatter) throw new UsageError(`--format must be text, json or markdown, not "${format}".`);
  const result = diffFiles(files[0]!, files[1]!);
  out(formatter(result.sections, result.data));
  return 0;
}

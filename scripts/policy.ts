// The `policy` command for authors: `npm run policy -- <command> ...`.
import { parseArgs } from 'node:util';
import { PolicyValidationError } from '../src/content/policy-error.ts';
import { diffFiles } from '../src/diff/diff-files.ts';
import { diffToJson, diffToMarkdown, diffToText } from '../src/diff/format-diff.ts';

const USAGE = `Usage:
  npm run policy -- diff <old> <new> [--format text|json|markdown]
      Compares two policy files (MDX or Markdown, front-matter optional) without a build.
`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h') {
  process.stdout.write(USAGE);
  process.exit(command ? 0 : 2);
}

try {
  if (command === 'diff') {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
    } catch (error) {
      usage((error as Error).message);
    }
    const { positionals, values } = parsed;
    if (positionals.length !== 2) usage(`diff takes two files, the old and the new; got ${positionals.length}.`);
    const formats = { text: diffToText, json: diffToJson, markdown: diffToMarkdown };
    const format = formats[values.format as keyof typeof formats];
    if (!format) usage(`--format must be text, json or markdown, not "${values.format}".`);
    const result = diffFiles(positionals[0]!, positionals[1]!);
    process.stdout.write(format(result.sections, result.data));
  } else {
    usage(`Unknown command "${command}".`);
  }
} catch (error) {
  if (error instanceof PolicyValidationError) {
    process.stderr.write(error.message);
    process.exit(1);
  }
  throw error;
}

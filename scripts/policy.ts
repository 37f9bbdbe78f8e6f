// The `policy` command for legal authors: `npm run policy -- <command> ...`.
// Exit codes: 0 clean, 1 problems found, 2 bad usage, 3 internal error (a bug).
// Authors never see a stack trace (maintainers get one with DEBUG=1).
// Each command is imported only when it runs, so `--help` or `diff` never pays
// for loading the site model, zod schemas or git helpers.
import module from 'node:module';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { handleInternalErrors, internalErrorMessage, INTERNAL_ERROR_EXIT } from '../src/cli/internal-error.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { siteConfig, sourceLocale } from '../src/config.ts';
import { withoutHiddenCharacters } from '../src/content/check-characters.ts';
import { PolicyError, PolicyValidationError } from '../src/content/policy-error.ts';

const USAGE = `Usage: npm run policy -- <command>

  check [paths...] [--format text|github] [--base <git-ref>]
      Everything the build would reject, in well under 2 seconds. Exit 0 clean, 1 problems.
  new <policy> --effective YYYY-MM-DD [--announce YYYY-MM-DD] [--material | --editorial]
      Starts the next version from the latest one, in every locale.
  new <policy> --kind privacy|terms|document [--effective YYYY-MM-DD] [--announce YYYY-MM-DD]
      Starts a new policy: its policy.yaml and a first version in every locale.
  import <policy> --from <git-repo>:<path> [--kind document|terms] [--link-base https://…]
      Makes a new policy from every revision of a Markdown file in a local git repository.
  diff <old> <new> [--format text|json|markdown]
      Compares two policy files (MDX or Markdown, front-matter optional) without a build.
  summary --base <git-ref>
      Markdown for a pull-request comment: versions, data changes, notice rule, redline.
  lock
      Records the hashes of policy files in policies/lock.json (published ones never change).
  erratum <file...> --reason "…" [${siteConfig.locales
    .filter((l) => l !== sourceLocale)
    .map((l) => `--reason-${l} "…"`)
    .join(' ')}]
      Records a correction to a published version; shown on its page and in its JSON.
`;

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder.',
  EISDIR: 'this is a folder; name a file.',
  ENOTDIR: 'part of this path is a file, not a folder.',
  EACCES: 'permission denied.',
  EPERM: 'permission denied.',
  ELOOP: 'too many symbolic links.',
};
const isFileError = (error: unknown): error is NodeJS.ErrnoException & { code: string } =>
  typeof (error as NodeJS.ErrnoException)?.code === 'string' && (error as NodeJS.ErrnoException).code! in FILE_ERRORS;

module.enableCompileCache?.();
handleInternalErrors('policy');
const root = process.cwd();
// Output quotes authors' text; terminal control sequences (ESC, BEL, OSC 8 links)
// and invisible or bidi characters must not reach a terminal or a CI log, so they are shown as U+FFFD.
const inert = (text: string) => withoutHiddenCharacters(text).replace(/\r/g, '\uFFFD');
const out = (text: string) => process.stdout.write(inert(text.endsWith('\n') ? text : `${text}\n`));
const [command, ...args] = process.argv.slice(2);

async function run(): Promise<number> {
  const parse = <T extends ParseArgsOptionsConfig>(options: T) => parseArgs({ args, allowPositionals: true, strict: true, options });
  switch (command) {
    case 'check': {
      const { values, positionals } = parse({ format: { type: 'string', default: 'text' }, base: { type: 'string' } });
      if (values.format !== 'text' && values.format !== 'github') throw new UsageError(`--format must be text or github, not "${values.format}".`);
      const { checkCommand } = await import('../src/cli/check-command.ts');
      return checkCommand(root, positionals, values.format, out, values.base);
    }
    case 'new': {
      const { values, positionals } = parse({
        effective: { type: 'string' },
        announce: { type: 'string' },
        material: { type: 'boolean' },
        editorial: { type: 'boolean' },
        kind: { type: 'string' },
      });
      if (positionals.length !== 1) throw new UsageError('new takes one policy name, such as privacy.');
      if (values.kind !== undefined) {
        if (values.material || values.editorial) throw new UsageError('A new policy has no change to mark: leave out --material and --editorial.');
        const [{ startPolicy }, { resolveNow }] = await Promise.all([import('../src/cli/start-policy.ts'), import('../src/content/resolve-now.ts')]);
        const { isDay } = await import('../src/cli/new-command.ts');
        for (const [flag, value] of [
          ['--effective', values.effective],
          ['--announce', values.announce],
        ] as const)
          if (value !== undefined && !isDay(value)) throw new UsageError(`Give ${flag} as a calendar day, YYYY-MM-DD.`);
        const announce = values.announce ?? resolveNow();
        if (announce < resolveNow())
          throw new UsageError(`The announcement date ${announce} is in the past; a new policy is announced today (${resolveNow()}) or later.`);
        return startPolicy(root, positionals[0]!, { kind: values.kind, effective: values.effective, announce }, out);
      }
      if (values.material && values.editorial) throw new UsageError('Choose --material or --editorial, not both.');
      const { newCommand } = await import('../src/cli/new-command.ts');
      return newCommand(
        root,
        positionals[0]!,
        { effective: values.effective, announce: values.announce, kind: values.editorial ? 'editorial' : 'material' },
        out,
      );
    }
    case 'import': {
      const { values, positionals } = parse({
        from: { type: 'string' },
        kind: { type: 'string' },
        locale: { type: 'string' },
        'link-base': { type: 'string' },
      });
      if (positionals.length !== 1) throw new UsageError('import takes one policy name, such as acceptable-use.');
      if (!values.from) throw new UsageError('Say where the history is: --from <git-repo>:<path>.');
      const { importCommand } = await import('../src/cli/import-command.ts');
      return importCommand(root, positionals[0]!, { from: values.from, kind: values.kind, locale: values.locale, linkBase: values['link-base'] }, out);
    }
    case 'diff': {
      const { values, positionals } = parse({ format: { type: 'string', default: 'text' } });
      const { diffCommand } = await import('../src/cli/diff-command.ts');
      return diffCommand(positionals, String(values.format), out);
    }
    case 'summary': {
      const { values } = parse({ base: { type: 'string' } });
      if (!values.base) throw new UsageError('summary needs --base <git-ref>, such as --base origin/main.');
      const { summaryCommand } = await import('../src/cli/summary-command.ts');
      return summaryCommand(root, values.base, out);
    }
    case 'lock': {
      parse({});
      const { lockCommand } = await import('../src/cli/lock-command.ts');
      return lockCommand(root, out);
    }
    case 'erratum': {
      const localeOptions = Object.fromEntries(siteConfig.locales.filter((l) => l !== sourceLocale).map((l) => [`reason-${l}`, { type: 'string' as const }]));
      const { values, positionals } = parse({ reason: { type: 'string' }, ...localeOptions });
      const given = values as Record<string, string | undefined>;
      const reasons = Object.fromEntries(siteConfig.locales.map((l) => [l, l === sourceLocale ? given.reason : given[`reason-${l}`]]));
      const { erratumCommand } = await import('../src/cli/lock-command.ts');
      return erratumCommand(root, positionals, reasons, out);
    }
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

try {
  process.exitCode = await run();
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(inert(`${(error as Error).message}\n\n${USAGE}`));
    process.exitCode = 2;
  } else if (error instanceof PolicyValidationError || error instanceof PolicyError) {
    process.stderr.write(inert(error instanceof PolicyError ? `${error.format()}\n` : error.message));
    process.exitCode = 1;
  } else if (isFileError(error)) {
    process.stderr.write(inert(`${error.path ? `${path.relative(root, error.path) || error.path}: ` : ''}${FILE_ERRORS[error.code]}\n`));
    process.exitCode = 2;
  } else {
    process.stderr.write(inert(`${internalErrorMessage('policy', error)}\n`));
    process.exitCode = INTERNAL_ERROR_EXIT;
  }
}

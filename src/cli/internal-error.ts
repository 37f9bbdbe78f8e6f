/** The exit code of a command that hit a bug of its own rather than a problem in its input. */
export const INTERNAL_ERROR_EXIT = 3;

/**
 * One line for an error the program did not expect: what happened, that it is
 * a bug and not the author's fault, and how to see more. Readers of a CI log
 * never get a stack trace; maintainers get one with DEBUG=1.
 */
export function internalErrorMessage(program: string, error: unknown): string {
  if (process.env.DEBUG === '1') return `${program}: internal error:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error).split('\n')[0];
  return `${program}: internal error (${what}). This is a bug in policy-as-code, not in your files; please report it with the command you ran. Run again with DEBUG=1 for the details.`;
}

/**
 * Makes any error that escapes a command print `internalErrorMessage` and exit
 * with INTERNAL_ERROR_EXIT, including errors in callbacks and promises.
 */
export function handleInternalErrors(program: string): void {
  const report = (error: unknown) => {
    process.stderr.write(`${internalErrorMessage(program, error)}\n`);
    process.exit(INTERNAL_ERROR_EXIT);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}

/** Where in a file a problem is; lines and columns count from 1. */
export interface Place {
  line: number;
  column: number;
}

/**
 * One problem in a policy file, phrased for the legal author who must fix it:
 * what is wrong, and a hint on how to fix it.
 */
export class PolicyError extends Error {
  /** Path relative to the repository root, such as `policies/privacy/2025-07-01/en.mdx`. */
  readonly file: string;
  /** Where the problem is, when known. */
  readonly place: Place | undefined;
  /** One sentence on how to fix it. */
  readonly hint: string | undefined;
  /** A stable name for problems tools treat specially, such as `stale-translation`. */
  readonly code: string | undefined;

  constructor(file: string, message: string, options: { place?: Place; hint?: string; code?: string } = {}) {
    super(message);
    this.name = 'PolicyError';
    this.file = file;
    this.place = options.place;
    this.hint = options.hint;
    this.code = options.code;
  }

  /** `file:line:col  message` followed by the hint on its own line. */
  format(): string {
    const where = this.place ? `${this.file}:${this.place.line}:${this.place.column}` : this.file;
    return `${where}  ${this.message}${this.hint ? `\n    Hint: ${this.hint}` : ''}`;
  }
}

/** All the problems found in one pass, so authors fix them in one round trip. */
export class PolicyValidationError extends Error {
  readonly errors: readonly PolicyError[];

  constructor(errors: readonly PolicyError[]) {
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    super(`The policies have ${count}:\n\n${errors.map((e) => e.format()).join('\n\n')}\n`);
    this.name = 'PolicyValidationError';
    this.errors = errors;
  }
}

import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PolicyError } from './policy-error.ts';

/** The files under the policies folder, and the entries that may not be there. */
export interface PolicyFileList {
  /** Regular files, relative to the policies folder, with `/` separators, sorted. */
  files: string[];
  /** One error per symbolic link or other special entry. */
  errors: PolicyError[];
}

/**
 * Lists the policies folder without following links. A symbolic link could
 * publish a file from outside the repository (or change what a published path
 * shows without touching it), so every link is an error and is not read.
 *
 * @param root The repository root.
 * @param dir The policies folder, relative to `root`.
 */
export function listPolicyFiles(root: string, dir: string): PolicyFileList {
  const files: string[] = [];
  const errors: PolicyError[] = [];
  const refuse = (relative: string, what: string) =>
    errors.push(
      new PolicyError(relative, `This is ${what}, not a file; policy files must be plain files in the repository.`, {
        hint: `Replace it with the file itself (git rm ${relative}, then add the real file).`,
      }),
    );
  const walk = (relative: string) => {
    const stats = lstatSync(path.join(root, relative));
    if (stats.isSymbolicLink()) return refuse(relative, 'a symbolic link');
    if (stats.isFile()) return void files.push(relative);
    if (!stats.isDirectory()) return refuse(relative, 'a special file');
    for (const name of readdirSync(path.join(root, relative)).sort()) walk(`${relative}/${name}`);
  };
  try {
    walk(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    errors.push(new PolicyError(dir, `The policies folder ${reason}.`, { hint: `Run the command from the repository root, which holds ${dir}/.` }));
  }
  return { files: files.map((f) => f.slice(dir.length + 1)).sort(), errors };
}

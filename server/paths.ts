// Files that ship with kravmock (the contract, fixtures) are found from the package root, which is
// the same whether the code runs from source (tsx, vitest) or from the compiled dist/ folder.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`kravmock: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const contractsDir = join(packageRoot, 'contracts');

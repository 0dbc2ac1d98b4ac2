// The reference cases (PyTorch float64, and the pencil-and-paper rounding reference), copied
// from shared/reference into tests/fixtures so that the tests never reach outside the project.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReferenceCase {
  name: string;
  worksheet: Record<string, unknown>;
  expected: { steps: Record<string, unknown>[]; loss?: unknown; grads?: unknown };
  rounded: boolean;
}

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'reference');

export function referenceCases(folder: 'seeds' | 'random'): ReferenceCase[] {
  const dir = join(ROOT, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<ReferenceCase, 'name' | 'rounded'>;
      const precision = c.worksheet.precision as { carry?: string } | undefined;
      return { name: `${folder}/${f}`, ...c, rounded: precision?.carry === 'rounded' };
    });
}

export function referenceCase(name: string): ReferenceCase {
  const [folder, file] = name.split('/') as ['seeds' | 'random', string];
  const found = referenceCases(folder).find((c) => c.name === `${folder}/${file}`);
  if (!found) throw new Error(`no reference case ${name}`);
  return found;
}

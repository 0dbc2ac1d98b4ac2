import { loadWorksheet } from '../../src/core/format/validate';
import type { Model } from '../../src/core/format/worksheet';

/** Loads a worksheet that must be valid; fails the test with its problems otherwise. */
export function mustLoad(json: unknown): Model {
  const r = loadWorksheet(json);
  if (!r.ok) throw new Error(`invalid worksheet: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.model;
}

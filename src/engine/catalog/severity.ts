/**
 * How grave a principle is, apart from the catalog's loader: the game's first download needs
 * this, not the YAML parsers and the schema that reading the catalog file takes.
 */
import type { Principle, SeverityLevel } from './schema.js';

/** Violations without a stated severity count as serious. */
export function severityOf(p: Principle): SeverityLevel {
  return p.severity?.level ?? 'serious';
}

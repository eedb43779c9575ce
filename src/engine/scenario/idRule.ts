/**
 * The game's id rule, shared by the game and the CLI: a trainer's scenario may not take the id
 * of a bundled one (the game would refuse it), and the problem points at the `id:` line.
 */
import type { Problem } from '../problems.js';
import type { Scenario } from './model.js';

export function bundledIdProblem(s: Pick<Scenario, 'id' | 'file' | 'idLoc'>, bundled: ReadonlyMap<string, string>): Problem | undefined {
  const owner = bundled.get(s.id);
  if (owner === undefined || owner === s.file) return undefined;
  return {
    file: s.file,
    line: s.idLoc.line,
    col: s.idLoc.col,
    severity: 'error',
    code: 'bundled-id',
    message: `id "${s.id}" is already used by a bundled scenario (${owner}): the game refuses this file`,
    hint: 'give yours another id',
  };
}

/** The id a scenario file declares at its top level, read without parsing the file. */
export function declaredId(text: string): string | undefined {
  return /^id:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
}

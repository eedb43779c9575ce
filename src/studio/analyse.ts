/**
 * What the studio shows about the text being edited: the loader's and linter's problems (the
 * CLI's own messages and positions), the graph laid out as `dojo graph --svg` draws it, with the
 * best and worst routes, and the path figures. Pure: the page calls it after each pause in typing.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import { byPosition, type Problem } from '../engine/problems.js';
import { problemText } from '../engine/problemText.js';
import { bundledIdProblem } from '../engine/scenario/idRule.js';
import { scenarioCoverage, type ScenarioCoverage } from '../engine/scenario/coverage.js';
import { layoutScenario } from '../engine/scenario/graphLayout.js';
import { graphSvg } from '../engine/scenario/graphSvg.js';
import { lintScenario } from '../engine/scenario/lint.js';
import type { Scenario } from '../engine/scenario/model.js';
import { findPaths, type PathsReport } from '../engine/scoring/paths.js';
import { startSession } from '../engine/session/session.js';
import { pick, type Locale } from '../engine/text.js';

export interface Analysis {
  problems: Problem[];
  errors: number;
  scenario?: Scenario;
  svg?: string;
  paths?: PathsReport;
  /** The principles its replies exercise, as `dojo coverage` reports them. */
  coverage?: ScenarioCoverage;
}

/** One problem as the CLI prints it (`line:col: message (hint)`), in the page's language. */
export function problemLine(p: Problem, locale: Locale): { message: string; hint?: string } {
  if (locale === 'en') return { message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  const t = problemText(p, locale);
  return { message: t.message, ...(t.hint ? { hint: t.hint } : {}) };
}

/** The word a "did you mean" hint offers in place of the one at the problem's position. */
export function suggestion(p: Problem): string | undefined {
  return /^did you mean "(.+)"\?$/.exec(p.hint ?? '')?.[1];
}

export function analyse(file: string, text: string, catalog: Catalog, locale: Locale, bundled: ReadonlyMap<string, string> = new Map()): Analysis {
  const r = lintScenario(file, text, catalog);
  const problems = [...r.problems];
  // The game refuses a file that takes a bundled scenario's id, unless it is that very file (idRule.ts).
  const clash = r.scenario && bundledIdProblem(r.scenario, bundled);
  if (clash) problems.push(clash);
  problems.sort(byPosition);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (!r.scenario) return { problems, errors };
  const play = { scenario: r.scenario, catalog };
  let paths: PathsReport | undefined;
  try {
    paths = findPaths(play, startSession(play, 1), 4_000);
  } catch {
    paths = undefined;
  }
  const graph = layoutScenario(r.scenario, catalog, locale, { ...(paths?.best ? { best: paths.best } : {}), ...(paths?.worst ? { worst: paths.worst } : {}) });
  const svg = graphSvg(graph, locale, pick(r.scenario.title, locale));
  return { problems, errors, scenario: r.scenario, svg, coverage: scenarioCoverage(r.scenario, catalog), ...(paths ? { paths } : {}) };
}

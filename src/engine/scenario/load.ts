/**
 * Load a scenario file: YAML → schema → normalised model → cross-references.
 * Every problem found is reported, each at its line and column, not just the first.
 */
import type { Catalog } from '../catalog/catalog.js';
import { customerProfiles, meterIds } from '../customers/index.js';
import type { Problem } from '../problems.js';
import { article, toLocalized, type LocalizedText } from '../text.js';
import { lazyLoc, parseYaml, schemaProblems, type PathSegment, type YamlSource } from '../yamlSource.js';
import { resolveLook } from './look.js';
import type { Branch, Choice, Condition, DialogueNode, Ending, Reply, Scenario, Tag } from './model.js';
import { ScenarioSchema, type ScenarioFile } from './schema.js';
import { closestWord } from '../words.js';

export type LoadResult = { ok: true; scenario: Scenario; problems: Problem[]; source: YamlSource } | { ok: false; problems: Problem[] };

type RawNode = ScenarioFile['nodes'][number];
type RawReply = RawNode['choices'][number] | NonNullable<RawNode['onTimeout']>;
type RawCondition = NonNullable<RawNode['choices'][number]['when']>;
type RawText = ScenarioFile['title'];

const lines = (l: RawText | RawText[] | undefined): LocalizedText[] =>
  l === undefined ? [] : Array.isArray(l) ? l.map(toLocalized) : [toLocalized(l)];

export function loadScenario(file: string, text: string, catalog: Catalog): LoadResult {
  const parsed = parseYaml(file, text);
  if (!parsed.source || parsed.problems.some((p) => p.severity === 'error')) return { ok: false, problems: parsed.problems };
  const src = parsed.source;
  const result = ScenarioSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(src, result.error, parsed.data) };
  const problems: Problem[] = [...parsed.problems];
  const scenario = normalise(file, result.data, src, problems, catalog);
  crossCheck(scenario, result.data, src, catalog, problems);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, scenario, problems, source: src };
}

function normalise(file: string, raw: ScenarioFile, src: YamlSource, problems: Problem[], catalog: Catalog): Scenario {
  const loc = (path: PathSegment[]) => lazyLoc(src, path);
  const condition = (c: RawCondition | undefined): Condition | undefined => {
    if (!c) return undefined;
    const { chose, notChose, visited, ...meters } = c;
    return { chose: chose ?? [], notChose: notChose ?? [], visited: visited ?? [], meters: meters as Condition['meters'] };
  };
  const tags = (list: RawReply['principles']): Tag[] => expandAliases(catalog, list.map((t) => (typeof t === 'string' ? { id: t, weight: 1 } : { id: t.id, weight: t.weight ?? 1 })));
  const branches = (next: RawReply['next'], path: PathSegment[]): Branch[] =>
    typeof next === 'string'
      ? [{ to: next, loc: loc(path) }]
      : next.map((b, i) => ({ to: b.to, loc: loc([...path, i, 'to']), ...(b.when ? { when: condition(b.when)! } : {}) }));
  const reply = (r: RawReply, path: PathSegment[]): Reply => ({
    principles: tags(r.principles ?? []),
    feedback: toLocalized(r.feedback),
    next: branches(r.next, [...path, 'next']),
    ...(r.effects ? { effects: r.effects } : {}),
    ...(r.moodException ? { moodException: toLocalized(r.moodException) } : {}),
    loc: loc(path),
  });

  const nodes: Record<string, DialogueNode> = {};
  raw.nodes.forEach((n, i) => {
    const path: PathSegment[] = ['nodes', i];
    const choices: Choice[] = n.choices.map((c, j) => {
      const when = condition(c.when);
      return {
        ...reply(c, [...path, 'choices', j]),
        index: j,
        text: toLocalized(c.text),
        ...(c.id ? { id: c.id } : {}),
        ...(when ? { when } : {}),
      };
    });
    if (nodes[n.id]) problems.push(src.problem([...path, 'id'], 'duplicate-id', `duplicate node id "${n.id}": the first is at line ${nodes[n.id]!.loc.line}`));
    nodes[n.id] ??= {
      id: n.id,
      line: lines(n.line),
      choices,
      loc: loc(path),
      ...(n.expression ? { expression: n.expression } : {}),
      ...(n.note ? { note: toLocalized(n.note) } : {}),
      ...(n.timeLimit ? { timeLimit: n.timeLimit } : {}),
      ...(n.onTimeout ? { onTimeout: reply(n.onTimeout, [...path, 'onTimeout']) } : {}),
    };
  });
  const endings: Record<string, Ending> = {};
  raw.endings.forEach((e, i) => {
    const path: PathSegment[] = ['endings', i];
    const first = nodes[e.id] ?? endings[e.id];
    if (first) problems.push(src.problem([...path, 'id'], 'duplicate-id', `duplicate id "${e.id}": the first is at line ${first.loc.line}; node and ending ids must all differ`));
    endings[e.id] ??= {
      id: e.id,
      outcome: e.outcome,
      line: lines(e.line),
      summary: toLocalized(e.summary),
      loc: loc(path),
      ...(e.expression ? { expression: e.expression } : {}),
    };
  });
  const profile = customerProfiles[raw.customer.type];
  const breakdown =
    raw.breakdown ?? raw.endings.find((e) => e.outcome === profile.breakdownOutcome)?.id ?? '';
  return {
    file,
    id: raw.id,
    idLoc: loc(['id']),
    title: toLocalized(raw.title),
    difficulty: raw.difficulty,
    setting: raw.setting,
    brief: toLocalized(raw.brief),
    trains: [...new Set((raw.trains ?? []).flatMap((id) => catalog.alias(id)?.to ?? [id]))],
    customer: {
      type: raw.customer.type,
      name: toLocalized(raw.customer.name),
      persona: toLocalized(raw.customer.persona),
      start: raw.customer.start ?? {},
      look: resolveLook(raw, src, problems),
    },
    start: raw.start ?? raw.nodes[0]!.id,
    breakdown,
    nodes,
    endings,
    order: raw.nodes.map((n) => n.id),
  };
}

function crossCheck(s: Scenario, raw: ScenarioFile, src: YamlSource, catalog: Catalog, problems: Problem[]): void {
  const type = s.customer.type;
  const meters = new Set(meterIds(type));
  const meterList = [...meters].join(', ');
  const targets = new Set([...Object.keys(s.nodes), ...Object.keys(s.endings)]);
  const choiceRefs = new Set<string>();
  raw.nodes.forEach((n) => n.choices.forEach((c) => c.id && choiceRefs.add(`${n.id}.${c.id}`)));
  const err = (path: PathSegment[], code: string, message: string, hint?: string, key = false) =>
    problems.push(src.problem(path, code, message, { ...(hint ? { hint } : {}), key }));

  const checkMeters = (obj: Record<string, unknown> | undefined, path: PathSegment[]) => {
    for (const k of Object.keys(obj ?? {})) {
      if (!meters.has(k)) err([...path, k], 'unknown-meter', `"${k}" is not a meter of the ${type} customer`, `use one of: ${meterList}`, true);
    }
  };
  const checkCondition = (c: RawCondition | undefined, path: PathSegment[]) => {
    if (!c) return;
    const { chose, notChose, visited, ...rest } = c;
    checkMeters(rest, path);
    for (const [key, refs] of [['chose', chose], ['notChose', notChose]] as const) {
      (refs ?? []).forEach((r, i) => {
        if (!choiceRefs.has(r)) err([...path, key, i], 'unknown-choice', `no choice "${r}"`, 'refer to a choice as "node-id.choice-id", and give that choice an id');
      });
    }
    (visited ?? []).forEach((v, i) => {
      if (!s.nodes[v]) err([...path, 'visited', i], 'unknown-node', `no node "${v}"`);
    });
  };
  const checkTags = (list: RawReply['principles'] | undefined, path: PathSegment[]) => {
    const ids = new Set<string>();
    (list ?? []).forEach((t, i) => {
      const id = typeof t === 'string' ? t : t.id;
      const alias = catalog.alias(id);
      if (alias) {
        problems.push(src.problem([...path, i], 'renamed-principle', `"${id}" has been renamed: it now reads as ${alias.to.map((a) => `"${a}"`).join(' + ')}`, { severity: 'warning', hint: `tag the reply with ${alias.to.length > 1 ? 'the one(s) it really practises: ' : ''}${alias.to.join(', ')}` }));
      } else if (!catalog.get(id)) err([...path, i], 'unknown-principle', `unknown principle "${id}"`, suggest(id, catalog.principles.map((p) => p.id)));
      for (const target of alias?.to ?? [id]) {
        if (ids.has(target)) err([...path, i], 'duplicate-principle', `"${target}" is tagged twice on this reply`, 'give it once, with a weight if it matters more');
        ids.add(target);
      }
    });
  };
  const checkNext = (next: RawReply['next'], path: PathSegment[]) => {
    const list = typeof next === 'string' ? [{ to: next, when: undefined }] : next;
    list.forEach((b, i) => {
      const p = typeof next === 'string' ? path : [...path, i, 'to'];
      if (!targets.has(b.to)) err(p, 'unknown-node', `no node or ending "${b.to}"`, suggest(b.to, [...targets]));
      if (typeof next !== 'string') {
        checkCondition(b.when, [...path, i, 'when']);
        if (i === list.length - 1 && b.when) err([...path, i], 'next-fallback', 'the last branch of "next" must have no "when", so some branch is always taken');
      }
    });
  };
  const checkReply = (r: RawReply, path: PathSegment[]) => {
    checkTags(r.principles, [...path, 'principles']);
    checkNext(r.next, [...path, 'next']);
    checkMeters(r.effects, [...path, 'effects']);
  };

  if (!s.nodes[s.start]) err(['start'], 'unknown-node', `start node "${s.start}" does not exist`);
  checkMeters(raw.customer.start, ['customer', 'start']);
  (raw.trains ?? []).forEach((id, i) => {
    if (catalog.alias(id)) problems.push(src.problem(['trains', i], 'renamed-principle', `"${id}" has been renamed to ${catalog.alias(id)!.to.join(' + ')}`, { severity: 'warning', hint: `list ${catalog.alias(id)!.to.join(' or ')} instead` }));
    else if (!catalog.get(id)) err(['trains', i], 'unknown-principle', `unknown principle "${id}"`, suggest(id, catalog.principles.map((p) => p.id)));
  });
  raw.nodes.forEach((n, i) => {
    const path: PathSegment[] = ['nodes', i];
    const ids = new Map<string, number>();
    n.choices.forEach((c, j) => {
      const firstAt = c.id === undefined ? undefined : ids.get(c.id);
      if (firstAt !== undefined) err([...path, 'choices', j, 'id'], 'duplicate-id', `duplicate choice id "${c.id}" in node "${n.id}": the first is at line ${src.locate([...path, 'choices', firstAt, 'id']).line}`);
      if (c.id && firstAt === undefined) ids.set(c.id, j);
      checkReply(c, [...path, 'choices', j]);
      checkCondition(c.when, [...path, 'choices', j, 'when']);
    });
    if (n.onTimeout) checkReply(n.onTimeout, [...path, 'onTimeout']);
    if (n.onTimeout && !n.timeLimit) err([...path, 'onTimeout'], 'timeout', '"onTimeout" needs a "timeLimit" on the same node', undefined, true);
    if (n.timeLimit && !n.onTimeout) err([...path, 'timeLimit'], 'timeout', '"timeLimit" needs an "onTimeout" saying what happens when time runs out', undefined, true);
  });
  const breaksOffAs = customerProfiles[type].breaksOffAs;
  if (raw.breakdown) {
    const ending = s.endings[raw.breakdown];
    if (!ending) err(['breakdown'], 'unknown-node', `no ending "${raw.breakdown}"`);
    else if (!breaksOffAs.includes(ending.outcome)) {
      err(['breakdown'], 'breakdown-outcome', `${article(type)} ${type} customer cannot break off as "${ending.outcome}" (ending "${ending.id}")`, `point breakdown at an ending with outcome ${breaksOffAs.join(' or ')}`);
    }
  } else if (!s.breakdown) {
    const o = customerProfiles[type].breakdownOutcome;
    err(['endings'], 'breakdown', `${article(type)} ${type} customer can break off (outcome ${o}), but no ending has outcome "${o}"`, `add an ending with outcome: ${o}`);
  }
}

/**
 * Old ids read as their replacements; an alias standing for several principles shares its
 * weight among them, so the reply is worth what it was before the split.
 */
export function expandAliases(catalog: Catalog, tags: Tag[]): Tag[] {
  return tags.flatMap((t) => {
    const alias = catalog.alias(t.id);
    return alias ? alias.to.map((id) => ({ id, weight: t.weight / alias.to.length })) : [t];
  });
}

/** "did you mean" for a mistyped id. */
export function suggest(word: string, options: string[]): string | undefined {
  const best = closestWord(word, options);
  return best ? `did you mean "${best}"?` : undefined;
}

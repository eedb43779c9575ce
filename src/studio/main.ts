/**
 * The scenario studio page (/studio): the editor, its problems, the graph, the path figures and
 * the preview. Files: on the trainer's own server, listed, opened and saved in scenarios/
 * (src/server/studioFiles.ts); anywhere else, a local file opened and downloaded.
 */
import { closeCompletion } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { loadCatalog } from '../engine/catalog/catalog.js';
import { parse } from 'yaml';
import catalogText from '../../scenarios/principles.yaml?raw';
import { analyse, problemLine, suggestion, type Analysis } from './analyse.js';
import { createEditor, offsetOf, wordEnd } from './editor.js';
import { playPreview } from './preview.js';
import { initLocale, locale, setLocale, t } from './text.js';
import './studio.css';

const bundledTexts = import.meta.glob('../../scenarios/library/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const $ = (id: string) => document.getElementById(id)!;

const cat = loadCatalog('principles.yaml', catalogText);
if (!cat.ok) throw new Error(cat.problems.map((p) => p.message).join('\n'));
const catalog = cat.catalog;
/** Bundled ids and their files, for the game's id rule. */
const bundled = new Map<string, string>();
for (const [path, text] of Object.entries(bundledTexts)) {
  const id = (parse(text) as { id?: unknown } | null)?.id;
  if (typeof id === 'string') bundled.set(id, `library/${path.split('/').pop()!}`);
}

initLocale();
let file = 'library/door-bump.yaml';
let last: Analysis = { problems: [], errors: 0 };
let onServer = false;
let view: EditorView;

function status(s: string): void {
  $('status').textContent = s;
}

function jumpTo(line: number, col = 1, to?: number): void {
  const from = offsetOf(view.state.doc, line, col);
  view.dispatch({ selection: { anchor: from, head: to ?? from }, scrollIntoView: true });
  view.focus();
}

/** The node or ending whose block the cursor is in. */
function nodeAtCursor(): string | undefined {
  const s = last.scenario;
  if (!s) return undefined;
  const line = view.state.doc.lineAt(view.state.selection.main.head).number;
  const starts = [...Object.values(s.nodes), ...Object.values(s.endings)].map((n) => ({ id: n.id, line: n.loc.line })).sort((a, b) => a.line - b.line);
  return starts.filter((n) => n.line <= line).at(-1)?.id;
}

function showProblems(a: Analysis): void {
  const list = $('problems');
  list.replaceChildren();
  if (!a.problems.length) {
    const li = document.createElement('li');
    li.className = 'ok';
    li.textContent = t('noProblems');
    list.append(li);
  }
  for (const p of a.problems) {
    const li = document.createElement('li');
    li.className = `problem ${p.severity}`;
    const { message, hint } = problemLine(p, locale());
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'problem-at';
    go.textContent = `${p.line}:${p.col}`;
    go.addEventListener('click', () => jumpTo(p.line, p.col));
    li.append(go, ` ${message}${hint ? ` (${hint})` : ''}`);
    const word = suggestion(p);
    if (word) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'problem-fix';
      fix.textContent = `${t('fix')} "${word}"`;
      fix.addEventListener('click', () => {
        const from = offsetOf(view.state.doc, p.line, p.col);
        view.dispatch({ changes: { from, to: wordEnd(view.state.doc, from), insert: word } });
        view.focus();
        // The word is whole now: a completion list still open (or still on its way) for the mistyped one
        // would only hang over the panels below the editor, the preview's button among them.
        closeCompletion(view);
      });
      li.append(' ', fix);
    }
    list.append(li);
  }
}

function showGraph(a: Analysis): void {
  if (!a.svg || !a.scenario) return;
  const g = $('graph');
  g.innerHTML = a.svg;
  const s = a.scenario;
  // Drawn at its own size (readable), the panel scrolled to where the conversation starts.
  const start = g.querySelector<SVGGElement>(`g.box[data-id="${CSS.escape(s.start)}"]`);
  if (start) {
    const panel = g.getBoundingClientRect();
    const box = start.getBoundingClientRect();
    g.scrollLeft += box.left - panel.left - Math.max(0, (panel.width - box.width) / 2);
    g.scrollTop += box.top - panel.top - 16;
  }
  for (const box of g.querySelectorAll<SVGGElement>('g.box')) {
    const target = s.nodes[box.dataset.id ?? ''] ?? s.endings[box.dataset.id ?? ''];
    if (!target) continue;
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'button');
    box.style.cursor = 'pointer';
    const go = () => jumpTo(target.loc.line, target.loc.col);
    box.addEventListener('click', go);
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
  }
  const paths = a.paths;
  $('figures').textContent = t('figures', {
    nodes: s.order.length,
    endings: Object.keys(s.endings).length,
    best: paths?.best ? Math.round(paths.best.overall) : '–',
    worst: paths?.worst ? Math.round(paths.worst.overall) : '–',
  });
}

function analysed(a: Analysis): void {
  last = a;
  showProblems(a);
  showGraph(a);
  showCoverage(a);
}

/** Which principles the replies exercise: how often as the best reply, how often as a tempting wrong one. */
function showCoverage(a: Analysis): void {
  const box = $('coverage');
  const c = a.coverage;
  box.hidden = !c;
  if (!c) return;
  $('coverage-h').textContent = t('coverage', { n: c.principles.length });
  const list = $('coverage-list');
  list.replaceChildren(
    ...c.principles.map((p) => {
      const li = document.createElement('li');
      const name = catalog.get(p.id)?.name[locale()] ?? '';
      const parts = [p.replies === 1 ? t('coverageReply') : t('coverageReplies', { n: p.replies }), ...(p.best ? [t('coverageBest', { n: p.best })] : []), ...(p.tempting ? [t('coverageTempting', { n: p.tempting })] : [])];
      li.textContent = `${p.id}${name ? ` (${name})` : ''}: ${parts.join(' · ')}`;
      if (p.tempting) li.className = 'tempting';
      return li;
    }),
  );
  $('coverage-unused').textContent = c.unusedTrains.length ? t('coverageUnused', { ids: c.unusedTrains.join(', ') }) : '';
}

function setText(name: string, text: string): void {
  file = name;
  // A local file is in no entry of the server's list: the list shows none rather than the last one.
  const pick = document.getElementById('file-pick') as HTMLSelectElement | null;
  if (pick && pick.value !== name) pick.selectedIndex = [...pick.options].findIndex((o) => o.value === name);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  status(t('opened', { file: name }));
}

async function openFromServer(name: string): Promise<void> {
  const r = await fetch(`./api/studio/file?path=${encodeURIComponent(name)}`);
  if (!r.ok) return status(t('openFailed', { why: await r.text() }));
  setText(name, await r.text());
}

async function save(): Promise<void> {
  const now = analyse(file, view.state.doc.toString(), catalog, locale(), bundled);
  if (now.errors > 0 && !confirm(t('confirmProblems', { n: now.errors }))) return;
  const text = view.state.doc.toString();
  if (!onServer) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' }));
    a.download = file.split('/').pop() ?? 'scenario.yaml';
    a.click();
    URL.revokeObjectURL(a.href);
    return;
  }
  const r = await fetch(`./api/studio/file?path=${encodeURIComponent(file)}`, { method: 'PUT', body: text });
  status(r.ok ? t('saved', { file }) : t('saveFailed', { why: await r.text() }));
}

/**
 * Share the file on this server (POST /api/scenarios: the trainer only; the server checks it as
 * `dojo check` does and keeps every version). Refused files say why, with the first problems.
 */
async function share(): Promise<void> {
  const text = view.state.doc.toString();
  const now = analyse(file, text, catalog, locale(), bundled);
  if (now.errors > 0) return status(t('shareNeedsFix', { n: now.errors }));
  const name = file.split('/').pop() ?? 'scenario.yaml';
  let r: Response;
  try {
    r = await fetch(`./api/scenarios?name=${encodeURIComponent(name)}`, { method: 'POST', body: text, headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
  } catch (e) {
    return status(t('shareFailed', { why: (e as Error).message }));
  }
  const body = (await r.json().catch(() => ({}))) as { id?: string; version?: number; error?: string; warnings?: unknown[]; problems?: { text: string }[] };
  if (!r.ok) return status(t('shareFailed', { why: [body.error ?? `HTTP ${r.status}`, ...(body.problems ?? []).slice(0, 3).map((p) => p.text)].join(' · ') }));
  const warned = body.warnings?.length ?? 0;
  status(t('shared', { id: body.id ?? '', version: String(body.version ?? '') }) + (warned ? t('sharedWarnings', { n: warned }) : ''));
}

/** Whether this server keeps shared scenarios (the Dojo server does; Vite's dev server does not). */
async function canShare(): Promise<boolean> {
  try {
    const r = await fetch('./api/scenarios', { headers: { Accept: 'application/json' } });
    return r.ok && Array.isArray(((await r.json()) as { scenarios?: unknown }).scenarios);
  } catch {
    return false;
  }
}

function button(label: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}

async function drawFiles(): Promise<void> {
  const box = $('files');
  box.replaceChildren();
  let list: string[] | undefined;
  try {
    const r = await fetch('./api/studio/files');
    if (r.ok) list = ((await r.json()) as { files: string[] }).files;
  } catch {
    list = undefined;
  }
  onServer = !!list;
  if (list) {
    const sel = document.createElement('select');
    sel.id = 'file-pick';
    sel.setAttribute('aria-label', t('chooseFile'));
    for (const f of list) sel.append(new Option(f, f, false, f === file));
    sel.addEventListener('change', () => void openFromServer(sel.value));
    box.append(sel);
  } else status(t('localOnly'));
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.yaml,.yml';
  input.hidden = true;
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void f.text().then((text) => setText(f.name, text));
  });
  box.append(input, button(t('openLocal'), () => input.click()), button(onServer ? t('save') : t('download'), () => void save(), 'save'));
  if (onServer && (await canShare())) box.append(button(t('share'), () => void share(), 'share'));
  const hint = document.createElement('span');
  hint.className = 'hint';
  hint.textContent = t('escHint');
  box.append(hint);
}

function drawChrome(): void {
  $('heading').textContent = t('heading');
  $('problems-h').textContent = t('problems');
  $('preview-h').textContent = t('preview');
  $('graph').setAttribute('aria-label', t('graphLabel'));
  const lang = $('lang');
  lang.replaceChildren(
    button(locale() === 'en' ? '简体中文' : 'English', () => {
      setLocale(locale() === 'en' ? 'zh-CN' : 'en');
      drawChrome();
      void drawFiles();
      analysed(analyse(file, view.state.doc.toString(), catalog, locale(), bundled));
    }),
  );
  const pv = $('preview-body');
  pv.replaceChildren(
    button(t('playHere'), () => {
      if (!last.scenario) return status(t('previewNeedsFile'));
      const node = nodeAtCursor();
      if (!node) status(t('noNodeAtCursor'));
      const box = document.createElement('div');
      box.className = 'preview-play';
      pv.querySelector('.preview-play')?.remove();
      pv.append(box);
      playPreview(box, last.scenario, catalog, node ?? last.scenario.start);
    }, 'play-here'),
  );
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = t('previewHint');
  pv.append(p);
}

async function start(): Promise<void> {
  const initial = bundledTexts[`../../scenarios/${file}`] ?? '';
  view = createEditor($('editor'), initial, {
    catalog,
    locale,
    analyse: (text) => analyse(file, text, catalog, locale(), bundled),
    analysed,
    save: () => void save(),
    leave: () => $('graph').focus(),
    label: () => t('editorLabel'),
  });
  drawChrome();
  await drawFiles();
  const wanted = new URLSearchParams(location.search).get('file');
  if (wanted && onServer) await openFromServer(wanted);
}

void start();

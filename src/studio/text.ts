/** The studio's own strings, in both languages, and the language switch's memory. */
import type { Locale } from '../engine/text.js';
import { typeset } from '../game/ui/wrap.js';

const TEXT = {
  heading: { 'zh-CN': '情景工作室', en: 'Scenario studio' },
  problems: { 'zh-CN': '问题', en: 'Problems' },
  noProblems: { 'zh-CN': '没有问题:检查和体检都通过了。', en: 'No problems: check and lint both pass.' },
  preview: { 'zh-CN': '试玩预览', en: 'Preview' },
  playHere: { 'zh-CN': '从光标所在节点试玩', en: 'Play from this node' },
  previewHint: { 'zh-CN': '把光标放在某个节点里,再按"从光标所在节点试玩"。', en: 'Put the cursor in a node, then press "Play from this node".' },
  previewNeedsFile: { 'zh-CN': '先修好错误,才能试玩。', en: 'Fix the errors first to play.' },
  noNodeAtCursor: { 'zh-CN': '光标不在任何节点里:从开头试玩。', en: 'The cursor is in no node: playing from the start.' },
  playingFrom: { 'zh-CN': '从 {node} 开始', en: 'From {node}' },
  ending: { 'zh-CN': '结局:{id}({outcome})', en: 'Ending: {id} ({outcome})' },
  restart: { 'zh-CN': '再玩一次', en: 'Play again' },
  open: { 'zh-CN': '打开', en: 'Open' },
  openLocal: { 'zh-CN': '打开本地文件…', en: 'Open a local file…' },
  save: { 'zh-CN': '保存', en: 'Save' },
  download: { 'zh-CN': '下载', en: 'Download' },
  chooseFile: { 'zh-CN': '选择 scenarios/ 里的文件', en: 'Pick a file in scenarios/' },
  opened: { 'zh-CN': '已打开 {file}', en: 'Opened {file}' },
  saved: { 'zh-CN': '已保存 {file}', en: 'Saved {file}' },
  share: { 'zh-CN': '在本服务器上共享', en: 'Share on this server' },
  shared: { 'zh-CN': '已共享 {id},第 {version} 版:本服务器上的学员在场景列表里就能看到。', en: 'Shared {id}, version {version}: trainees on this server see it in the scenario list.' },
  sharedWarnings: { 'zh-CN': '(体检提示 {n} 条,见问题列表)', en: ' ({n} lint warnings: see Problems)' },
  shareFailed: { 'zh-CN': '没能共享:{why}', en: 'Could not share: {why}' },
  shareNeedsFix: { 'zh-CN': '先改好问题列表里的错误(共 {n} 个),再共享。', en: 'Fix the errors in Problems first ({n}), then share.' },
  saveFailed: { 'zh-CN': '没能保存:{why}', en: 'Could not save: {why}' },
  openFailed: { 'zh-CN': '没能打开:{why}', en: 'Could not open: {why}' },
  confirmProblems: { 'zh-CN': '这个文件还有 {n} 个错误,游戏会拒绝它。仍然保存吗?', en: 'This file still has {n} errors; the game will refuse it. Save anyway?' },
  localOnly: { 'zh-CN': '这里不是培训师本机:可以打开本地文件,改完下载。', en: 'Not the trainer\u2019s own machine here: open a local file and download it when done.' },
  figures: { 'zh-CN': '{nodes} 个节点 · {endings} 个结局 · 最佳 {best} 分 · 最差 {worst} 分', en: '{nodes} nodes · {endings} endings · best {best} · worst {worst}' },
  editorLabel: { 'zh-CN': '情景 YAML 编辑器(按 Esc 离开)', en: 'Scenario YAML editor (Esc leaves it)' },
  graphLabel: { 'zh-CN': '情景图:点击节点跳到它在文件里的位置', en: 'Scenario graph: click a node to jump to its line' },
  escHint: { 'zh-CN': 'Ctrl+S 保存 · Esc 离开编辑器', en: 'Ctrl+S saves · Esc leaves the editor' },
  fix: { 'zh-CN': '改成', en: 'Change to' },
  coverage: { 'zh-CN': '练到 {n} 条原则', en: '{n} principles exercised' },
  coverageBest: { 'zh-CN': '最佳回应 ×{n}', en: 'best reply ×{n}' },
  coverageTempting: { 'zh-CN': '诱人的错误回应 ×{n}', en: 'tempting wrong reply ×{n}' },
  coverageReplies: { 'zh-CN': '{n} 条回应', en: '{n} replies' },
  coverageReply: { 'zh-CN': '1 条回应', en: '1 reply' },
  coverageUnused: { 'zh-CN': 'trains 里列了、但没有回应用到:{ids}', en: 'In trains, but no reply uses it: {ids}' },
} satisfies Record<string, Record<Locale, string>>;

export type TextKey = keyof typeof TEXT;

let current: Locale = 'zh-CN';
const KEY = 'dojo.studio.locale';

export function initLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    /* storage off: follow the browser */
  }
  const q = new URLSearchParams(location.search).get('lang');
  const pickFrom = q ?? saved ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
  current = pickFrom === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = current;
  return current;
}

export function setLocale(l: Locale): void {
  current = l;
  document.documentElement.lang = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    /* not remembered */
  }
}

export const locale = (): Locale => current;

/** A string in the current language; Chinese with full-width punctuation, as the game writes it. */
export function t(key: TextKey, vars: Record<string, string | number> = {}): string {
  const template = TEXT[key][current];
  return (current === 'zh-CN' ? typeset(template) : template).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/**
 * The pure parts of the in-game "In my own words" mode: what a key in the text box does (an input
 * method's Enter never sends), the typed reply cut into marked runs for the coaching, and the judge's
 * signals as the game ships them (JSON, no YAML parser) judging exactly as the file's.
 */
import { describe, expect, it } from 'vitest';
import { readSignals } from '../../src/cli/files.js';
import { createJudge } from '../../src/engine/judge/index.js';
import { fromPortable, toPortable } from '../../src/engine/judge/portable.js';
import { typedKeyAction, type TypedKey } from '../../src/game/play/typedKeys.js';
import { echoRuns } from '../../src/game/play/typedEcho.js';
import { readPortableSignals } from '../../src/platform/judgeSignalsPlugin.js';
import { SessionController } from '../../src/game/sessionController.js';
import { offeredChoices } from '../../src/engine/session/session.js';
import { catalog, playOf, ROOT } from './helpers.js';

const key = (k: Partial<TypedKey>): TypedKey => ({ key: 'a', shiftKey: false, isComposing: false, keyCode: 65, ...k });

describe('keys in the own-words box', () => {
  it('Enter sends, Shift+Enter is a new line, Escape pauses, the rest is typing', () => {
    expect(typedKeyAction(key({ key: 'Enter', keyCode: 13 }), false)).toBe('send');
    expect(typedKeyAction(key({ key: 'Enter', keyCode: 13, shiftKey: true }), false)).toBe('newline');
    expect(typedKeyAction(key({ key: 'Escape', keyCode: 27 }), false)).toBe('pause');
    for (const k of ['1', '4', ' ', 'h', 'H', 'Tab', 'ArrowDown', 'Home']) expect(typedKeyAction(key({ key: k }), false), k).toBe('type');
  });

  it('an input method composing owns every key: its Enter commits a candidate and does not send', () => {
    // Chrome and Firefox: isComposing on the keydown.
    expect(typedKeyAction(key({ key: 'Enter', isComposing: true, keyCode: 229 }), false)).toBe('type');
    // Safari: compositionend already fired, the keydown still has keyCode 229.
    expect(typedKeyAction(key({ key: 'Enter', keyCode: 229 }), false)).toBe('type');
    // Between compositionstart and compositionend, however the keydown is marked.
    expect(typedKeyAction(key({ key: 'Enter', keyCode: 13 }), true)).toBe('type');
    // Escape while composing cancels the composition, not the game.
    expect(typedKeyAction(key({ key: 'Escape', isComposing: true, keyCode: 229 }), true)).toBe('type');
  });
});

describe('the typed reply marked for the coaching', () => {
  const text = '我理解您的心情,但是规定就是规定。';
  it('marks each evidence span, good or bad, and keeps every character once', () => {
    const runs = echoRuns(text, [
      { start: 10, end: 17, good: false, name: 'hide-behind-rules' },
      { start: 0, end: 7, good: true, name: 'understand-feelings' },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.mark).map((r) => [r.text, r.mark!.good])).toEqual([
      ['我理解您的心情', true],
      ['规定就是规定。', false],
    ]);
  });

  it('overlapping spans: the earlier keeps the shared words; spans inside one join its names; bad spans are clipped or dropped', () => {
    const runs = echoRuns('abcdefghij', [
      { start: 2, end: 6, good: true, name: 'A' },
      { start: 4, end: 8, good: false, name: 'B' },
      { start: 3, end: 5, good: true, name: 'C' },
      { start: 8, end: 99, good: true, name: 'D' },
      { start: 5, end: 5, good: true, name: 'E' },
      { start: -4, end: -1, good: true, name: 'F' },
    ]);
    expect(runs).toEqual([
      { text: 'ab', mark: null },
      { text: 'cdef', mark: { good: true, names: ['A', 'C'] } },
      { text: 'gh', mark: { good: false, names: ['B'] } },
      { text: 'ij', mark: { good: true, names: ['D'] } },
    ]);
    expect(echoRuns('', [{ start: 0, end: 3, good: true, name: 'A' }])).toEqual([]);
  });
});

describe('the signals as the game ships them', () => {
  const cat = catalog();
  const read = readSignals(cat);
  if ('problems' in read) throw new Error('signals do not load');
  const fromYaml = createJudge(read.signals);

  it('the build-time data survives JSON and judges every reply as the YAML file does', async () => {
    const built = await readPortableSignals(ROOT);
    if ('problems' in built) throw new Error('signals do not load');
    const shipped = createJudge(fromPortable(JSON.parse(JSON.stringify(built.signals))));
    const play = playOf('scenarios/library/kettle-return.yaml');
    const replies = [
      '我理解您的心情,但是规定就是规定。',
      'I understand how you feel, but rules are rules.',
      'Thank you for telling us. I will sort this out for you myself, right now.',
      '您先别急,我帮您登记一下,明天一定给您回电话。',
      "Are you sure you didn't break it yourself?",
      '',
      '😀😀',
    ];
    for (const text of replies) {
      for (const locale of ['en', 'zh-CN'] as const) {
        expect(shipped(text, { locale, scenario: play.scenario, node: play.scenario.start }), text).toEqual(fromYaml(text, { locale, scenario: play.scenario, node: play.scenario.start }));
      }
    }
    expect(built.signals).toEqual(toPortable(read.signals));
  });

  it('a broken signals file stops the build with its file:line:col', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'signals-'));
    mkdirSync(join(dir, 'scenarios'));
    copyFileSync(join(ROOT, 'scenarios/principles.yaml'), join(dir, 'scenarios/principles.yaml'));
    writeFileSync(join(dir, 'scenarios/judge-signals.yaml'), 'version: 1\nprinciples:\n  - id: understand-feelings\n    en:\n      - "(unclosed"\n');
    const r = await readPortableSignals(dir);
    expect('problems' in r && r.problems[0]).toMatchObject({ file: 'scenarios/judge-signals.yaml', line: 5, code: 'bad-pattern' });
  });
});

describe('a typed turn in the game session', () => {
  it('is scored and coached on its own words, and "Try this turn again" replays typed turns as they were typed', () => {
    const play = playOf('scenarios/library/kettle-return.yaml');
    const c = new SessionController(play.scenario, play.catalog, 3);
    const node = c.state.node;
    const [first] = offeredChoices(play, c.state);
    // Not followed: asked again, no turn.
    c.say({ text: 'What colour is the sky?', principles: [], closest: { node, reply: first!.index, similarity: 0.1 } });
    expect(c.state.askedAgain).toBe(1);
    expect(c.state.turns).toHaveLength(0);
    // Followed, but rude: the customer and the score react to the doubt, not to reply 1's tags.
    c.say({ text: 'Take your time. Did you break it yourself?', principles: [{ id: 'doubt-honesty', confidence: 0.9, evidence: [16, 42] }], closest: { node, reply: first!.index, similarity: 0.5 } });
    const typed = c.lastTurn()!;
    expect(typed.turn.said?.text).toBe('Take your time. Did you break it yourself?');
    expect(typed.broken).toEqual(['doubt-honesty']);
    expect(typed.mistakes.map((m) => m.id)).toEqual(['doubt-honesty']);
    expect(typed.better).not.toBeNull();
    const meters = { ...c.state.customer.context.meters };
    c.choose(0);
    const again = c.rewound()!;
    expect(again.state.turns).toHaveLength(1);
    expect(again.state.turns[0]!.said?.text).toBe('Take your time. Did you break it yourself?');
    expect(again.state.customer.context.meters).toEqual(meters);
    expect(again.state.node).toBe(c.state.turns[1]!.node);
    again.stop();
    c.stop();
  });
});

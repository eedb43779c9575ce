/** The parts of the game that need no browser: line breaking, saved progress, translations. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/engine/catalog/schema.js';
import { customerProfiles } from '../../src/engine/customers/index.js';
import { CUSTOMER_TYPES, OUTCOMES, SETTINGS } from '../../src/engine/scenario/schema.js';
import { oneLine } from '../../src/game/ui/teaser.js';
import { englishQuotes, typeset, wrapLines } from '../../src/game/ui/wrap.js';
import { Progress, readSave, STORAGE_KEY, STORAGE_VERSION, type KeyValue } from '../../src/platform/storage.js';
import { ROOT } from './helpers.js';

const width = (s: string) => [...s].length;

describe('CJK line breaking', () => {
  it('breaks unspaced Chinese anywhere, by width', () => {
    expect(wrapLines('十分了解您的心情我一定尽快解决', 5, width)).toEqual(['十分了解您', '的心情我一', '定尽快解决']);
  });
  it('keeps closing punctuation off the start of a line and opening marks off the end', () => {
    expect(wrapLines('您好,请问有什么可以帮您', 3, width)[1]!.startsWith(',')).toBe(false);
    expect(wrapLines('请看「说明书」', 3, width).some((l) => l.endsWith('「'))).toBe(false);
  });
  it('a closing mark that would start a line takes the last character down with it, so no line runs past the edge (the play-test: "我们”)," over the panel border)', () => {
    const lines = wrapLines('说“我”不说“我们”），再把话说完', 9, width);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(9);
    for (const l of lines) expect('“（'.includes(l.at(-1)!), l).toBe(false);
    for (const l of lines.slice(1)) expect('，。）”,'.includes(l[0]!), l).toBe(false);
    expect(lines.join('')).toBe('说“我”不说“我们”），再把话说完');
  });
  it('keeps Latin words whole and drops the space at a break', () => {
    expect(wrapLines('Please hold the line', 10, width)).toEqual(['Please', 'hold the', 'line']);
    expect(wrapLines('请拨打 400-800-1234 联系', 8, width)).toEqual(['请拨打', '400-800-1234', '联系']);
  });
  it('leaves no lone character on a Chinese paragraph\'s last line (the play-test: "…用不 / 了", "… / 回应")', () => {
    expect(wrapLines('断网一整天小店刷卡机用不了', 12, width)).toEqual(['断网一整天小店刷卡机', '用不了']);
    expect(wrapLines('面对生气沉默健谈内行的客户练好每一句回应', 18, width)).toEqual(['面对生气沉默健谈内行的客户练好每一', '句回应']);
    // A closing mark is not moved to the start of the last line: its character goes down with it.
    const lines = wrapLines('您说的情况我都记下了，请放心', 12, width);
    expect(lines.join('')).toBe('您说的情况我都记下了，请放心');
    expect(lines.at(-1)!.length).toBeGreaterThanOrEqual(3);
    expect('，'.includes(lines.at(-1)![0]!)).toBe(false);
    // Short paragraphs and Latin endings are left alone.
    expect(wrapLines('您好啊', 2, width)).toEqual(['您好', '啊']);
  });
  it('English quotes are typographic: apostrophes, single and double quotes (the play-test saw straight beside curly)', () => {
    expect(englishQuotes("(5:55 pm. The ticket machine already reads 'Queue closed' and you're counting.)")).toBe('(5:55 pm. The ticket machine already reads \u2018Queue closed\u2019 and you\u2019re counting.)');
    expect(englishQuotes('He said "we\'ve logged it" twice.')).toBe('He said \u201cwe\u2019ve logged it\u201d twice.');
    expect(englishQuotes("back in '79?")).toBe('back in \u201979?');
    expect(englishQuotes("'Sorry.' The '90s. Customers' rights")).toBe('\u2018Sorry.\u2019 The \u201990s. Customers\u2019 rights');
    expect(englishQuotes('(the etiquette guide, item 3: \'I completely understand how you feel\')')).toBe('(the etiquette guide, item 3: \u2018I completely understand how you feel\u2019)');
  });
  it('a run of closing marks at the edge goes down with the character before it (the play-test: "车厢。）……" past the card)', () => {
    const lines = wrapLines('他看了看表，看样子要换个车厢。）……', 15, width);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(15);
    for (const l of lines.slice(1)) expect('。）…'.includes(l[0]!), l).toBe(false);
    expect(lines.join('')).toBe('他看了看表，看样子要换个车厢。）……');
  });
  it('a middle dot stays with the word before it (the play-test: a break before "·部分")', () => {
    const lines = wrapLines('推诿踢皮球（严重·部分）', 8, width);
    for (const l of lines.slice(1)) expect(l.startsWith('·'), l).toBe(false);
    expect(lines.join('')).toBe('推诿踢皮球（严重·部分）');
  });
  it('keeps explicit line breaks', () => {
    expect(wrapLines('第一行\n第二行', 10, width)).toEqual(['第一行', '第二行']);
  });
});

class Memory implements KeyValue {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('Chinese typography', () => {
  it('uses full-width punctuation between Chinese characters, and leaves times, numbers and English alone', () => {
    expect(typeset('\u60a8\u597d,\u8bf7\u95ee:\u6709\u4ec0\u4e48\u95ee\u9898?')).toBe('\u60a8\u597d\uff0c\u8bf7\u95ee\uff1a\u6709\u4ec0\u4e48\u95ee\u9898\uff1f');
    // A time keeps its colon; the comma after it, before Chinese, is Chinese.
    expect(typeset('\u4e0b\u5348 5:55,\u6211\u4eec')).toBe('\u4e0b\u5348 5:55\uff0c\u6211\u4eec');
    expect(typeset('Hello, world: fine?')).toBe('Hello, world: fine?');
    expect(typeset('(\u4ed6\u62cd\u4e86\u62cd\u67dc\u53f0)')).toBe('\uff08\u4ed6\u62cd\u4e86\u62cd\u67dc\u53f0\uff09');
    // Brackets change in pairs; a comma after a Chinese closing quote is Chinese.
    expect(typeset('\u6025(000\u7b2c1\u6761)\u3002')).toBe('\u6025\uff08000\u7b2c1\u6761\uff09\u3002');
    expect(typeset('\u4e2d (file 000) \u6587')).toBe('\u4e2d (file 000) \u6587');
    expect(typeset('\u201c\u7b49\u5f85\u201d,\u4eba')).toBe('\u201c\u7b49\u5f85\u201d\uff0c\u4eba');
  });

  it('a comma or semicolon after a bracket made full-width is full-width too (the play-test found 218)', () => {
    expect(typeset('态度(000第2条),再把')).toBe('态度（000第2条），再把');
    expect(typeset('决策得分 100(占80%),结局占20%')).toBe('决策得分 100（占80%），结局占20%');
    expect(typeset('(记录);跟进')).toBe('（记录）；跟进');
  });

  it('no half-width mark between a number or Latin word and Chinese, no space beside a full-width mark (the play-test)', () => {
    expect(typeset('79:有严重失误')).toBe('79：有严重失误');
    expect(typeset('(100,不计分)')).toBe('（100，不计分）');
    expect(typeset('5车8F,济南西')).toBe('5车8F，济南西');
    expect(typeset('许女士: 二十八岁')).toBe('许女士：二十八岁');
    expect(typeset('结局: 赢回客户')).toBe('结局：赢回客户');
    expect(typeset('正是 《服务礼仪》')).toBe('正是《服务礼仪》');
    expect(typeset('(练习,不计分) (他叹了口气)')).toBe('（练习，不计分）（他叹了口气）');
    // Times, English and a line's own spacing stay.
    expect(typeset('下午 5:55 到')).toBe('下午 5:55 到');
    expect(typeset('中 (file 000) 文')).toBe('中 (file 000) 文');
    expect(typeset('你:\n好')).toBe('你：\n好');
  });
});

describe('saved progress', () => {
  it('starts empty, records attempts and best scores, and survives a reload', () => {
    const store = new Memory();
    const p = new Progress(store);
    expect(p.notice).toBeNull();
    p.update((s) => (s.resume = { scenario: 'x', seed: 1, snapshot: { a: 1 } }));
    p.recordAttempt({ scenario: 'x', at: '2026-11-23T00:00:00Z', overall: 70, grade: 'B', outcome: 'resolved', path: [0, 1], seed: 1 });
    p.recordAttempt({ scenario: 'x', at: '2026-11-23T00:01:00Z', overall: 55, grade: 'C', outcome: 'unresolved', path: [1], seed: 2 });
    const again = new Progress(store);
    expect(again.save.best.x).toBe(70);
    expect(again.save.attempts).toHaveLength(2);
    expect(again.save.resume).toBeNull();
  });
  it('resets corrupt data with a notice instead of crashing', () => {
    const store = new Memory();
    store.setItem(STORAGE_KEY, '{not json');
    expect(readSave(store)).toMatchObject({ reset: true, reason: 'corrupt' });
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 1, settings: { volume: 'loud' } }));
    const p = new Progress(store);
    expect(p.notice).toBe('corrupt');
    expect(JSON.parse(store.getItem(STORAGE_KEY)!).version).toBe(STORAGE_VERSION);
  });
  it('resets an old format with its own notice', () => {
    const store = new Memory();
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 0, best: {} }));
    expect(new Progress(store).notice).toBe('old-version');
  });
});

describe('translations', () => {
  const load = (l: string) => JSON.parse(readFileSync(join(ROOT, 'locales', l, 'translation.json'), 'utf8'));
  const keys = (o: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
  // i18next plurals: zh has only `_other`, en has `_one` and `_other`; compare the base keys.
  const base = (k: string) => k.replace(/_(one|other)$/, '');
  const zh = new Set(keys(load('zh-CN')).map(base));
  const en = new Set(keys(load('en')).map(base));

  it('has the same keys in zh-CN and en', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('has every key the game asks for', () => {
    const src = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? src(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
    const code = src(join(ROOT, 'src/game')).join('\n');
    const literal = [...code.matchAll(/\bt\('([a-zA-Z0-9.-]+)'/g)].map((m) => m[1]!);
    const meters = Object.values(customerProfiles).flatMap((p) => p.meters.map((m) => m.id));
    const dynamic = [
      ...CUSTOMER_TYPES.map((x) => `types.${x}`),
      ...SETTINGS.map((x) => `settings.${x}`),
      ...meters.map((x) => `meters.${x}`),
      ...OUTCOMES.map((x) => `outcomes.${x}`),
      ...CATEGORY_IDS.map((x) => `categories.${x}`),
      ...['S', 'A', 'B', 'C', 'D'].map((x) => `grades.${x}`),
      ...['indifferent', 'factory', 'friendly', 'quality'].map((x) => `quadrants.${x}`),
      ...['corrupt', 'old-version'].map((x) => `notice.${x}`),
    ];
    expect(literal.length).toBeGreaterThan(30);
    const missing = [...literal, ...dynamic].filter((k) => !zh.has(k) || !en.has(k));
    expect(missing).toEqual([]);
  });
});

describe('text contrast (WCAG, at least 4.5:1)', () => {
  const lum = (hex: string) => {
    const n = parseInt(hex.replace('#', ''), 16);
    const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const ratio = (a: string, b: string) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

  it('holds for every text colour on the panel it is drawn on', async () => {
    const { COLORS } = await import('../../src/game/ui/theme.js');
    const pairs: [string, string, string][] = [
      ['ink on paper', COLORS.ink, COLORS.paper],
      ['soft ink on paper', COLORS.inkSoft, COLORS.paper],
      ['good on paper', COLORS.good, COLORS.paper],
      ['bad on paper', COLORS.bad, COLORS.paper],
      ['button text on accent', COLORS.accentText, hex(COLORS.accent)],
      ['light text on dark panels', COLORS.onDark, hex(COLORS.panelDark)],
      ['soft light text on dark panels', COLORS.onDarkSoft, hex(COLORS.panelDark)],
      ['ink on the debrief background', COLORS.ink, '#eef1f5'],
      ['soft ink on the debrief background', COLORS.inkSoft, '#eef1f5'],
    ];
    for (const [what, fg, bg] of pairs) expect(ratio(fg, bg), what).toBeGreaterThanOrEqual(4.5);
  });
});

describe('card teasers', () => {
  it('cut at a word with an ellipsis, and no stop or comma before it (the play-test saw ".…")', () => {
    expect(oneLine('He is angry. The bill doubled overnight and nobody called back', 14)).toBe('He is angry…');
    expect(oneLine('他很生气，账单翻倍了还没人回电话', 6)).toBe('他很生气…');
    expect(oneLine('Short brief.', 40)).toBe('Short brief.');
  });
});

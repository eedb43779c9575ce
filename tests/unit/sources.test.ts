/** Trainees read document titles, not file numbers (the play-test: coaching cited "file 000 item 1"). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableSources } from '../../src/engine/sources.js';
import { endingLine } from '../../src/game/play/ending.js';
import { pick } from '../../src/engine/text.js';
import { catalog, libraryFiles, loadFile, ROOT } from './helpers.js';

describe('readableSources', () => {
  it('names the document in each language', () => {
    expect(readableSources('You named it (file 000, item 3: “…”).', 'en')).toBe('You named it (the etiquette guide, item 3: “…”).');
    expect(readableSources('先接住心情(文件000第3条)', 'zh-CN')).toBe('先接住心情(《服务礼仪》第3条)');
    expect(readableSources('来有迎声(003麦当劳)', 'zh-CN')).toBe('来有迎声(《服务之弊》麦当劳)');
    expect(readableSources('(004: only 4% complain)', 'en')).toBe('(the complaints lecture: only 4% complain)');
    expect(readableSources('File 002 §3 and files 001', 'en')).toBe('The service standard §3 and the service course');
    // The play-test: "004号文件说" was shown as "《投诉是桥梁》号文件说".
    expect(readableSources('这正是004号文件说的(000号文件第4条)', 'zh-CN')).toBe('这正是《投诉是桥梁》说的(《服务礼仪》第4条)');
  });
  it('leaves other numbers alone', () => {
    expect(readableSources('Order 0041 (005 boxes), file 009', 'en')).toBe('Order 0041 (005 boxes), file 009');
  });
  it('no file number is left in any feedback of the library, in either language', () => {
    const cat = catalog();
    const left: string[] = [];
    for (const f of libraryFiles()) {
      const s = loadFile(f, cat);
      for (const node of Object.values(s.nodes))
        for (const r of [...node.choices, ...(node.onTimeout ? [node.onTimeout] : [])])
          for (const locale of ['zh-CN', 'en'] as const) {
            const shown = readableSources(pick(r.feedback, locale), locale);
            if (/\bfiles? 00\d|文件\s?00\d|[((]\s?00\d|》号文件/i.test(shown)) left.push(`${f} ${node.id}: ${shown.slice(0, 120)}`);
          }
    }
    expect(left).toEqual([]);
    expect(readFileSync(join(ROOT, 'scenarios/principles.yaml'), 'utf8')).toContain('000');
  });
  it('no file number is left in an ending as the debrief or the play screen shows it (the play-test: "As file 004 says")', () => {
    const cat = catalog();
    const cites = /\bfiles? 00\d|文件\s?00\d|[((]\s?00\d|\b00[0-4]\b/i;
    let raw = 0;
    const left: string[] = [];
    for (const f of libraryFiles()) {
      const s = loadFile(f, cat);
      for (const [id, e] of Object.entries(s.endings))
        for (const locale of ['zh-CN', 'en'] as const) {
          if (cites.test(pick(e.summary, locale))) raw++;
          const shown = [readableSources(pick(e.summary, locale), locale), endingLine({ ...e, line: [] }, 0, locale, '…')];
          for (const x of shown) if (cites.test(x)) left.push(`${f} ${id}: ${x.slice(0, 120)}`);
        }
    }
    // The summaries do cite by number (so the test can fail); what is shown does not.
    expect(raw).toBeGreaterThan(0);
    expect(left).toEqual([]);
  });
});

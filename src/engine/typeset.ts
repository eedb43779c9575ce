/**
 * Chinese typography for display and for files people read (the game, the classroom pages, the
 * exports): ASCII punctuation written between Chinese characters in its full-width form.
 */

const FULLWIDTH: Record<string, string> = {
  ',': '\uff0c',
  ';': '\uff1b',
  ':': '\uff1a',
  '?': '\uff1f',
  '!': '\uff01',
  '(': '\uff08',
  ')': '\uff09',
};
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Chinese quotation marks and punctuation: after them, a comma or colon belongs to Chinese text too. */
const CJK_MARK = /[\u201c\u201d\u2018\u2019\u2026\u2014\u3000-\u303f\uff01-\uff5e]/;

/**
 * Chinese typography for display: ASCII , ; : ? ! ( ) written between Chinese characters
 * become their full-width forms (as printed Chinese uses them). Times, numbers and English
 * stay as they are; the data itself is not changed.
 */
export function typeset(text: string): string {
  if (!HAN.test(text)) return text;
  const chars = [...text];
  const out: string[] = [];
  // Brackets go full-width in pairs: the closing one follows its opening one.
  const open: boolean[] = [];
  chars.forEach((c, i) => {
    const fw = FULLWIDTH[c];
    if (!fw) {
      out.push(c);
      return;
    }
    // What precedes as displayed: after a bracket made full-width, a comma is Chinese too.
    const prev = out[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const afterChinese = HAN.test(prev) || CJK_MARK.test(prev);
    if (c === '(') {
      // Wide when Chinese is beside it or inside it ("(100,不计分)").
      const close = chars.indexOf(')', i + 1);
      const wide = HAN.test(next) || afterChinese || HAN_ONLY.test(chars.slice(i + 1, close < 0 ? undefined : close).join(''));
      open.push(wide);
      out.push(wide ? fw : c);
    } else if (c === ')') out.push((open.length ? open.pop()! : HAN.test(prev)) ? fw : c);
    // A comma, colon … between a number or a Latin word and Chinese ("79:有严重失误", "(100,不计分)") is Chinese.
    else out.push(afterChinese || HAN_ONLY.test(next) ? fw : c);
  });
  // Full-width marks carry their own space: none after them, none between a character and one ("许女士: 二十八岁",
  // "正是 《服务礼仪》", "） （").
  return out.join('').replace(SPACE_AFTER_MARK, '').replace(SPACE_BEFORE_MARK, '');
}

const HAN_ONLY = /[\u3400-\u9fff\uf900-\ufaff]/;
const SPACE_AFTER_MARK = /(?<=[\u3001-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]) +(?=\S)/g;
const SPACE_BEFORE_MARK = /(?<=[\u3400-\u9fff\uf900-\ufaff]) +(?=[\u3001-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f])/g;

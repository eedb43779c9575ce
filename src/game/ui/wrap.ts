/**
 * Line breaking for Chinese and mixed text. Phaser's Text wraps only on spaces; this breaks
 * between any two CJK characters, keeps Latin words whole, keeps closing punctuation off the
 * start of a line and opening punctuation off the end (basic kinsoku).
 */
const NO_START = new Set('，。、；：！？）」』》〉】〕”’…—·・,.;:!?)]}%'.split(''));
const NO_END = new Set('（「『《〈【〔“‘([{'.split(''));
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Split into units that may not be broken: a CJK character, a Latin word, or a space. */
function units(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of line) {
    if (CJK.test(ch) || ch === ' ') {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/**
 * Break text into lines no wider than `width`. A line's width is the sum of its units' widths
 * (each unit measured once), so a long line costs a measurement per distinct unit rather than
 * one of every growing prefix.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const widths = new Map<string, number>();
  const w = (u: string) => {
    let x = widths.get(u);
    if (x === undefined) widths.set(u, (x = measure(u)));
    return x;
  };
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const first = lines.length;
    let line = '';
    let lineW = 0;
    let last = '';
    for (const u of units(para)) {
      if (line && lineW + w(u) > width && u !== ' ') {
        // Kinsoku: a closing mark never starts a line. Push the line's last character down
        // with it (the line would otherwise run past the edge); pull the mark up only where
        // the line has nothing to give.
        if (NO_START.has(u[0]!)) {
          if (last && last !== line && !NO_START.has(last[0]!) && last !== ' ') {
            let head = line.slice(0, -last.length);
            let down = last;
            // …and any opening mark before it, which may not end a line either.
            while (head.length > 1 && NO_END.has(head[head.length - 1]!)) {
              down = head[head.length - 1] + down;
              head = head.slice(0, -1);
            }
            lines.push(head.trimEnd());
            line = down + u;
            lineW = [...down].reduce((sum, ch) => sum + w(ch), w(u));
            last = u;
            continue;
          }
          // The line already ends in closing marks ("。）" before "……"): the whole run goes down
          // with the character before it, rather than running on past the edge mark by mark.
          const chars = [...line];
          let k = chars.length;
          while (k > 0 && NO_START.has(chars[k - 1]!)) k -= 1;
          if (k > 1 && CJK.test(chars[k - 1]!) && !NO_END.has(chars[k - 2]!)) {
            const down = chars.slice(k - 1).join('') + u;
            lines.push(chars.slice(0, k - 1).join('').trimEnd());
            line = down;
            lineW = [...down].reduce((sum, ch) => sum + w(ch), 0);
            last = u;
            continue;
          }
          line += u;
          lineW += w(u);
          last = u;
          continue;
        }
        let carry = '';
        while (line.length > 1 && NO_END.has(line[line.length - 1]!)) {
          carry = line[line.length - 1] + carry;
          line = line.slice(0, -1);
        }
        lines.push(line.trimEnd());
        line = carry + (u === ' ' ? '' : u);
        lineW = [...carry].reduce((sum, ch) => sum + w(ch), u === ' ' ? 0 : w(u));
        last = u;
      } else if (line || u !== ' ') {
        line += u;
        lineW += w(u);
        last = u;
      }
    }
    lines.push(line.trimEnd());
    if (lines.length - first >= 2) noOrphan(lines);
  }
  return lines;
}

/** The fewest characters a wrapped Chinese paragraph's last line should hold. */
const MIN_LAST = 3;

/**
 * No lone character on a Chinese paragraph's last line ("…用不 / 了"): the line before gives it
 * characters (never a closing mark to start the line, never leaving itself short). The line
 * before only gets shorter and the last only reaches three characters, so both still fit.
 */
function noOrphan(lines: string[]): void {
  const last = [...lines[lines.length - 1]!];
  const prev = [...lines[lines.length - 2]!];
  if (last.length >= MIN_LAST || !last.every((ch) => CJK.test(ch))) return;
  let take = MIN_LAST - last.length;
  while (take < prev.length && NO_START.has(prev[prev.length - take]!)) take += 1;
  const given = prev.slice(prev.length - take);
  if (prev.length - take < 4 || !given.every((ch) => CJK.test(ch)) || NO_END.has(prev[prev.length - take - 1]!)) return;
  lines[lines.length - 2] = prev.slice(0, prev.length - take).join('');
  lines[lines.length - 1] = given.join('') + last.join('');
}


export { typeset } from '../../engine/typeset.js';

/**
 * English text with typographic quotes, as the rest of the game writes them: apostrophes and
 * single quotes ’ ‘, double quotes “ ”. Authors type straight ones; the play-test saw both on
 * one screen ('Queue closed' beside “I completely understand”).
 */
export function englishQuotes(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu, '\u2019')
    .replace(/(^|\s)'(?=\d\d(?:s|\b))/gu, '$1\u2019')
    .replace(/(^|[\s([{\u2014\u201c\u2013-])'/gu, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(^|[\s([{\u2014\u2018\u2013-])"/gu, '$1\u201c')
    .replace(/"/g, '\u201d');
}

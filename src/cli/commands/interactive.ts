/** `dojo play FILE` with no --choices: play in the terminal, one reply at a time. */
import { createInterface } from 'node:readline';
import { playRecord } from '../../engine/scoring/transcript.js';
import { choose, currentNode, offeredChoices, startSession, timeOut, type Play } from '../../engine/session/session.js';
import { mistakesOf, replyOf, roundScore, turnScore } from '../../engine/scoring/debrief.js';
import { pick, signed, type Locale } from '../../engine/text.js';
import type { Output } from '../main.js';
import { formatRecord } from './play.js';

const T = {
  'zh-CN': { prompt: '你的回应', timeout: 't = 不回应,让时间耗尽', invalid: '请输入一个选项编号', eof: '输入结束,对话还没有结束。', coach: '辅导', severity: { minor: '轻微', serious: '严重', grave: '极严重' } },
  en: { prompt: 'Your reply', timeout: 't = say nothing and let the time run out', invalid: 'Type the number of a reply', eof: 'Input ended before the conversation did.', coach: 'Coach', severity: { minor: 'minor', serious: 'serious', grave: 'grave' } },
} as const;

/** Lines from stdin, one per call; undefined at end of input. */
function lineReader(): { next(prompt: string, io: Output): Promise<string | undefined>; close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const buffered: string[] = [];
  const waiting: ((l: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : buffered.push(l)));
  rl.on('close', () => {
    ended = true;
    while (waiting.length) waiting.shift()!(undefined);
  });
  return {
    next(prompt, io) {
      io.out(prompt);
      if (buffered.length) return Promise.resolve(buffered.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((r) => waiting.push(r));
    },
    close: () => rl.close(),
  };
}

export async function playInteractive(play: Play, seed: number, locale: Locale, io: Output, json: boolean): Promise<number> {
  const t = T[locale];
  const { scenario, catalog } = play;
  const name = pick(scenario.customer.name, locale);
  const input = lineReader();
  let state = startSession(play, seed);
  io.out(`# ${pick(scenario.title, locale)}\n${pick(scenario.brief, locale)}\n`);
  try {
    while (!state.ending) {
      const node = currentNode(play, state)!;
      if (node.note) io.out(pick(node.note, locale));
      io.out(`${name}: ${pick(node.line[state.variant]!, locale)}`);
      const offered = offeredChoices(play, state);
      if (!offered.length && !node.onTimeout) {
        io.err(`${scenario.file}: node "${node.id}" offers no reply here: every choice's "when" fails (npx dojo lint shows it)`);
        return 1;
      }
      offered.forEach((c, i) => io.out(`  ${i + 1}) ${pick(c.text, locale)}`));
      if (node.onTimeout) io.out(`  ${t.timeout} (${node.timeLimit}s)`);
      let next: typeof state | undefined;
      while (!next) {
        const answer = (await input.next(`${t.prompt} [1-${offered.length}${node.onTimeout ? ', t' : ''}]:`, io))?.trim();
        if (answer === undefined) {
          io.err(t.eof);
          return 1;
        }
        if (answer.toLowerCase() === 't' && node.onTimeout) next = timeOut(play, state);
        else if (/^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= offered.length) next = choose(play, state, Number(answer) - 1);
        else io.out(t.invalid);
      }
      state = next;
      const turn = state.turns.at(-1)!;
      const reply = replyOf(scenario, turn);
      const cost = new Map(mistakesOf(catalog, reply).map((m) => [m.id, m]));
      const marks = reply.principles.map((p) => {
        const pr = catalog.get(p.id)!;
        const m = cost.get(p.id);
        return pr.polarity === 'practice' ? `✓ ${pick(pr.name, locale)}` : `✗ ${pick(pr.name, locale)} (${t.severity[m!.severity]} −${m!.points})`;
      });
      const score = roundScore(turnScore(play, turn));
      io.out(`  [${signed(score)}]  ${marks.join('  ')}\n  ${t.coach}: ${pick(reply.feedback, locale)}`);
      io.out(`  ${Object.keys(turn.after).map((k) => `${k} ${turn.before[k]}→${turn.after[k]}`).join('  ')}\n`);
    }
  } finally {
    input.close();
  }
  const record = playRecord(play, state, locale);
  io.out(json ? JSON.stringify(record, null, 2) : formatRecord(record, name));
  return 0;
}

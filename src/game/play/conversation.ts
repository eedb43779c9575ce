/**
 * The conversation so far, for the history overlay: each line of the customer's (with its
 * stage direction) and each reply of the trainee's, oldest first, and the line being answered
 * now when there is one. Read from the session; nothing is kept apart from it.
 */
import { pick, type Locale } from '../../engine/text.js';
import type { SessionController } from '../sessionController.js';
import type { Exchange } from '../scenes/HistoryScene.js';

export function conversation(session: SessionController, locale: Locale, words: { you: string; noReply: string; notKept: string }, current: boolean): Exchange[] {
  const { scenario } = session.play;
  const name = pick(scenario.customer.name, locale);
  const out: Exchange[] = [];
  const said = (nodeId: string, variant: number) => {
    const node = scenario.nodes[nodeId];
    if (!node) return;
    const line = pick(node.line[variant] ?? node.line[0]!, locale);
    out.push({ who: name, text: node.note ? `${pick(node.note, locale)} ${line}` : line, mine: false });
  };
  for (const t of session.state.turns) {
    said(t.node, t.variant);
    // A typed reply is what the trainee wrote, not the reply it was read as.
    out.push({ who: words.you, text: t.said ? t.said.text || words.notKept : t.choice < 0 ? words.noReply : pick(scenario.nodes[t.node]!.choices[t.choice]!.text, locale), mine: true });
  }
  if (current) said(session.state.node, session.state.variant);
  return out;
}

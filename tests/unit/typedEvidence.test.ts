import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../src/game/play/typedEvidence.js';

const t = (key: string, v: Record<string, unknown>) => `${key} ${JSON.stringify(v)}`;
const name = (id: string) => id.toUpperCase();
const good = (id: string) => id !== 'bad';

describe('evidenceLines', () => {
  const said = { text: 'I hear you. Calm down.', principles: [] };
  it('quotes the words for a finding, and not for a guess, which it says the judge is not sure of', () => {
    const lines = evidenceLines(said, [
      { id: 'good', confidence: 0.9, evidence: [0, 10] },
      { id: 'bad', confidence: 0.3, evidence: [12, 22], guess: true },
    ], good, name, t);
    expect(lines[0]).toBe('ownWords.evidence {"mark":"✓","name":"GOOD","words":"I hear you"}');
    expect(lines[1]).toBe('ownWords.evidenceGuess {"mark":"✗","name":"BAD"}');
  });
  it('names the principle alone when the words were not kept', () => {
    expect(evidenceLines({ text: '', principles: [] }, [{ id: 'good', confidence: 1, evidence: [0, 3] }], good, name, t)).toEqual(['✓ GOOD']);
  });
});

/** The loaded, normalised scenario the session plays: every shorthand expanded, every reference checked. */
import type { LocalizedText } from '../text.js';
import type { CustomerLook } from './look.js';
import type { CustomerType, Expression, Outcome, Setting } from './schema.js';

export interface Loc {
  line: number;
  col: number;
}

export interface Tag {
  id: string;
  weight: number;
}

export interface MeterRange {
  min?: number;
  max?: number;
}

export interface Condition {
  meters: Record<string, MeterRange>;
  chose: string[];
  notChose: string[];
  visited: string[];
}

export interface Branch {
  when?: Condition;
  to: string;
  loc: Loc;
}

/** A reply: a choice the trainee can pick, or what happens when the time runs out. */
export interface Reply {
  text?: LocalizedText;
  principles: Tag[];
  feedback: LocalizedText;
  next: Branch[];
  effects?: Record<string, number>;
  /** Why the customer reacts against this reply's score, when that is deliberate. */
  moodException?: LocalizedText;
  loc: Loc;
}

export interface Choice extends Reply {
  id?: string;
  /** 0-based position in the node's list as written. */
  index: number;
  text: LocalizedText;
  when?: Condition;
}

export interface DialogueNode {
  id: string;
  line: LocalizedText[];
  expression?: Expression;
  note?: LocalizedText;
  timeLimit?: number;
  onTimeout?: Reply;
  choices: Choice[];
  loc: Loc;
}

export interface Ending {
  id: string;
  outcome: Outcome;
  line: LocalizedText[];
  expression?: Expression;
  summary: LocalizedText;
  loc: Loc;
}

export interface Scenario {
  file: string;
  id: string;
  /** Where the id is written, for problems about the scenario as a whole. */
  idLoc: Loc;
  title: LocalizedText;
  difficulty: 1 | 2 | 3;
  setting: Setting;
  brief: LocalizedText;
  trains: string[];
  customer: {
    type: CustomerType;
    name: LocalizedText;
    persona: LocalizedText;
    start: Record<string, number>;
    /** How they look, the type's defaults filled in, and the drawn character that shows it. */
    look: CustomerLook;
  };
  start: string;
  breakdown: string;
  nodes: Record<string, DialogueNode>;
  endings: Record<string, Ending>;
  /** Node ids in file order. */
  order: string[];
}

export const OUTCOME_SCORE: Record<Outcome, number> = {
  'won-back': 100,
  resolved: 75,
  unresolved: 35,
  escalated: 0,
  'left-silently': 0,
};

export const GOOD_OUTCOMES: readonly Outcome[] = ['won-back', 'resolved'];

/**
 * The angry customer (file 000, 如何应付客户服务中的投诉问题 第1条; file 002, 先处理客户的情感).
 * Anger climbs when argued with, refused flatly, lectured or blamed, and falls after
 * emotion-first empathy. While the customer is still heated, talk of solutions barely
 * registers: feelings come first. Past the threshold the complaint escalates.
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  applyDelta,
  initialMeters,
  listening,
  reactionFor,
  type CustomerContext,
  type CustomerEvent,
  type CustomerInput,
  type CustomerProfile,
  type ReactionRule,
  type ReplyTag,
} from './reaction.js';

const F000_1 = '000 如何应付客户服务中的投诉问题 第1条';
const F002 = '002_27eb744ca3868eee.txt';

export const angryRules: readonly ReactionRule[] = [
  { match: { principle: 'emotion-first' }, delta: { anger: -15, trust: 5 }, source: `${F002} 处理问题的方法:先处理客户的情感` },
  { match: { principle: 'understand-feelings' }, delta: { anger: -12, trust: 4 }, source: '000 第3条:"十分了解您的心情"' },
  { match: { principle: 'let-them-vent' }, delta: { anger: -10, patience: 6 }, source: `${F002} 五做 第2条:让客户发泄怒气,适时附和` },
  { match: { principle: 'three-f' }, delta: { anger: -10, trust: 5 }, source: '001 9.3.3 呼入服务的3F法' },
  { match: { principle: 'stay-calm' }, delta: { anger: -7 }, source: `${F000_1}:通过你的平稳、缓和必能将客户的情绪控制住` },
  { match: { principle: 'focus-on-problem' }, delta: { anger: -4, trust: 5 }, source: `${F000_1}:注意力集中在问题,而不是客户的态度` },
  { match: { principle: 'own-the-problem' }, delta: { anger: -6, trust: 8 }, source: `${F002} 五做 第4条:明确表示替客户承担解决问题的责任` },
  { match: { principle: 'say-i-not-we' }, delta: { anger: -3, trust: 6 }, source: `${F002} 承担责任:使用"我"而不是"我们"` },
  { match: { principle: 'urgency-and-admit' }, delta: { anger: -8, trust: 8 }, source: `${F002} 五做 第3条:体现紧迫感,如有错误,立刻承认` },
  { match: { principle: 'over-promise' }, delta: { anger: -4, trust: -6 }, source: '004 承诺与体验的差距:一时平息,埋下下一次投诉' },
  { match: { principle: 'argue-back' }, delta: { anger: 25, trust: -10 }, source: `${F002} 十诫 第1条:争辩、争吵` },
  { match: { principle: 'lecture-customer' }, delta: { anger: 20, trust: -10 }, source: `${F002} 十诫 第1条:教育、批评、讽刺客户` },
  { match: { principle: 'catch-their-panic' }, delta: { anger: 15, trust: -4 }, source: `${F000_1}:千万不能随客户急而急` },
  { match: { principle: 'flat-refusal' }, delta: { anger: 20, trust: -10 }, source: `${F002} 十诫 第2条:直接拒绝客户` },
  { match: { principle: 'insist-im-right' }, delta: { anger: 18, trust: -12 }, source: `${F002} 十诫 第3条:强调自己完全正确` },
  { match: { principle: 'doubt-honesty' }, delta: { anger: 22, trust: -15 }, source: `${F002} 十诫 第7条:怀疑客户的诚实` },
  { match: { principle: 'belittle-customer' }, delta: { anger: 20, trust: -8 }, source: `${F002} 十诫 第4条:暗示客户不重要` },
  { match: { principle: 'pass-the-buck' }, delta: { anger: 18, patience: -15 }, source: '004 推三推四,投诉无门' },
  { match: { principle: 'we-just-cant' }, delta: { anger: 15, trust: -6 }, source: '000 第2条:"我们就是办不到"' },
  { match: { principle: 'hide-behind-rules' }, delta: { anger: 15, trust: -6 }, source: '001 1.2.2 工厂型:客户要守规矩' },
  { match: { principle: 'vague-brush-off' }, delta: { anger: 12, trust: -8 }, source: `${F002} 十诫 第6条:语言含糊,打太极拳` },
  { match: { polarity: 'practice', category: 'emotion' }, delta: { anger: -8, trust: 3 }, source: `${F002} 先处理客户的情感` },
  { match: { polarity: 'practice' }, delta: { anger: -4, trust: 3 }, source: `${F002} 五做:正确行为让不满降温` },
  { match: { polarity: 'violation' }, delta: { anger: 10, trust: -5 }, source: `${F002} 十诫:错误行为激化不满` },
];

/** Each reply costs a little patience; an unanswered silence costs more and stokes anger. */
const TURN_DRIFT = { patience: -3 };
const SILENCE = { anger: 10, patience: -15 };

/** While heated, hard-service moves (solutions, procedures) land at a fifth of their weight. */
function heatedScale(rule: ReactionRule, tag: ReplyTag): number {
  return tag.polarity === 'practice' && tag.service === 'hard' && rule.delta.anger !== undefined && rule.delta.anger < 0 ? 0.2 : 1;
}

export const angryProfile: CustomerProfile = {
  type: 'angry',
  meters: [
    { id: 'anger', good: 'low', start: 70 },
    { id: 'trust', good: 'high', start: 30 },
    { id: 'patience', good: 'high', start: 60 },
  ],
  breakdownOutcome: 'escalated',
  signature: {
    practices: ['emotion-first', 'understand-feelings', 'let-them-vent', 'stay-calm'],
    violations: ['argue-back', 'lecture-customer', 'flat-refusal', 'insist-im-right'],
  },
  mood: (m) => Math.round((100 - m.anger!) * 0.7 + m.trust! * 0.3),
  expression(m, d) {
    if (m.anger! >= 85) return 'furious';
    if (m.anger! >= 60) return 'angry';
    if ((d.anger ?? 0) <= -10) return 'relieved';
    if (m.anger! >= 35) return 'annoyed';
    if (m.trust! >= 60) return 'pleased';
    return m.trust! < 35 ? 'doubtful' : 'neutral';
  },
};

export const angryMachine = setup({
  types: {
    context: {} as CustomerContext,
    events: {} as CustomerEvent,
    input: {} as CustomerInput,
  },
  actions: {
    hear: assign(({ context, event }, params: { heated: boolean }) => {
      assertEvent(event, ['trainee.reply', 'trainee.silent']);
      const { delta, fired } = reactionFor(angryRules, event, params.heated ? heatedScale : undefined);
      const drift = event.type === 'trainee.silent' && !event.effects ? { ...TURN_DRIFT, ...SILENCE } : TURN_DRIFT;
      const { meters, change } = applyDelta(context.meters, delta, drift);
      return { meters, lastDelta: change, lastRules: fired, turns: context.turns + 1 };
    }),
  },
  guards: {
    brokeOff: ({ context }) => context.meters.anger! >= 100 || context.meters.patience! <= 0,
    isHeated: ({ context }) => context.meters.anger! >= 60,
    isCalm: ({ context }) => context.meters.anger! < 30,
  },
}).createMachine({
  id: 'angry',
  context: ({ input }) => ({
    meters: initialMeters(angryProfile.meters, input?.start),
    lastDelta: {},
    lastRules: [],
    turns: 0,
  }),
  initial: 'judging',
  states: {
    judging: {
      always: [
        { guard: 'brokeOff', target: 'escalated' },
        { guard: 'isHeated', target: 'heated' },
        { guard: 'isCalm', target: 'calm' },
        { target: 'cooling' },
      ],
    },
    heated: {
      on: listening({ heated: true }),
    },
    cooling: {
      on: listening({ heated: false }),
    },
    calm: {
      on: listening({ heated: false }),
    },
    escalated: { type: 'final' },
  },
});

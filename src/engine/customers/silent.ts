/**
 * The silent customer (file 001, TOC 3.5.3 沉默客户的服务技巧 gives only the title; the
 * tactics are grounded in 9.2.3 提问的技巧, 6.2 客户心理, and file 002's rules on patience
 * and on not prying). Closed questions and pressure close them up; open questions,
 * patience and attentive listening open them. They never shout: when patience runs out
 * they simply leave (file 004: only 4% of dissatisfied customers complain; the rest leave).
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

const F002 = '002_27eb744ca3868eee.txt';

export const silentRules: readonly ReactionRule[] = [
  { match: { principle: 'open-questions' }, delta: { openness: 15, patience: 2 }, source: '001 9.2.3 提问的技巧 / 3.5.3 沉默客户' },
  { match: { principle: 'show-patience' }, delta: { openness: 10, patience: 6 }, source: `${F002} 服务规范 4):耐心待客,不得有不耐烦迹象` },
  { match: { principle: 'attentive-listening' }, delta: { openness: 8, trust: 5 }, source: `${F002} 五做 第1条:让客户觉得舒适、放松,认真倾听` },
  { match: { principle: 'understand-feelings' }, delta: { openness: 8, trust: 5 }, source: '000 第3条:"十分了解您的心情"' },
  { match: { principle: 'emotion-first' }, delta: { openness: 8, trust: 4 }, source: `${F002} 先处理客户的情感` },
  { match: { principle: 'real-demand' }, delta: { openness: 10, trust: 4 }, source: `${F002} 判断客户的真实诉求` },
  { match: { principle: 'pry-and-press' }, delta: { openness: -15, patience: -20 }, source: `${F002}:不要对客户的事过分好奇,再三打听,刨根问底` },
  { match: { principle: 'interrupt-customer' }, delta: { openness: -10, patience: -15 }, source: `${F002} 十诫 第1条:打断客户` },
  { match: { principle: 'belittle-customer' }, delta: { trust: -10, patience: -25 }, source: `${F002} 十诫 第4条:暗示客户不重要` },
  { match: { principle: 'vague-brush-off' }, delta: { trust: -10, patience: -20 }, source: `${F002} 十诫 第6条:以为用户容易被打发` },
  { match: { principle: 'fake-attention' }, delta: { trust: -6, patience: -15 }, source: `${F002} 十诫 第10条:假装关注` },
  { match: { principle: 'flat-refusal' }, delta: { openness: -5, patience: -20 }, source: `${F002} 十诫 第2条:直接拒绝客户` },
  { match: { principle: 'we-just-cant' }, delta: { openness: -5, patience: -20 }, source: '000 第2条:"我们就是办不到"' },
  { match: { principle: 'hide-behind-rules' }, delta: { openness: -5, patience: -18 }, source: '001 1.2.2 工厂型:客户要守规矩' },
  { match: { polarity: 'practice', category: 'listening' }, delta: { openness: 6, trust: 3 }, source: `${F002} 五做 第1条:认真倾听表示高度关注` },
  { match: { polarity: 'practice' }, delta: { openness: 4, trust: 3 }, source: `${F002} 五做:正确行为` },
  { match: { polarity: 'violation' }, delta: { openness: -5, patience: -12 }, source: '004 不满的客户只有4%投诉,其余的选择离开' },
];

const TURN_DRIFT = { patience: -4 };
/** A pause the trainee leaves is room to speak: a little openness, a little patience spent. */
const SILENCE = { openness: 5, patience: -2 };

/** While guarded, solutions offered before the real problem is out barely land. */
function guardedScale(_rule: ReactionRule, tag: ReplyTag): number {
  return tag.polarity === 'practice' && tag.service === 'hard' && tag.id !== 'real-demand' ? 0.3 : 1;
}

export const silentProfile: CustomerProfile = {
  type: 'silent',
  meters: [
    { id: 'openness', good: 'high', start: 20 },
    { id: 'trust', good: 'high', start: 40 },
    { id: 'patience', good: 'high', start: 60 },
  ],
  breakdownOutcome: 'left-silently',
  signature: {
    practices: ['open-questions', 'show-patience', 'attentive-listening'],
    violations: ['pry-and-press', 'vague-brush-off', 'belittle-customer'],
  },
  mood: (m) => Math.round(m.openness! * 0.5 + m.trust! * 0.3 + m.patience! * 0.2),
  expression(m, d) {
    if (m.patience! < 25 || m.openness! < 20) return 'withdrawn';
    if ((d.openness ?? 0) >= 10) return 'relieved';
    if (m.trust! < 35) return 'doubtful';
    if (m.openness! >= 70 && m.trust! >= 60) return 'pleased';
    return m.openness! < 40 ? 'withdrawn' : 'neutral';
  },
};

export const silentMachine = setup({
  types: {
    context: {} as CustomerContext,
    events: {} as CustomerEvent,
    input: {} as CustomerInput,
  },
  actions: {
    hear: assign(({ context, event }, params: { guarded: boolean }) => {
      assertEvent(event, ['trainee.reply', 'trainee.silent']);
      const { delta, fired } = reactionFor(silentRules, event, params.guarded ? guardedScale : undefined);
      const drift = event.type === 'trainee.silent' && !event.effects ? { ...TURN_DRIFT, ...SILENCE } : TURN_DRIFT;
      const { meters, change } = applyDelta(context.meters, delta, drift);
      return { meters, lastDelta: change, lastRules: fired, turns: context.turns + 1 };
    }),
  },
  guards: {
    leaves: ({ context }) => context.meters.patience! <= 0,
    isGuarded: ({ context }) => context.meters.openness! < 40,
    isOpen: ({ context }) => context.meters.openness! >= 70,
  },
}).createMachine({
  id: 'silent',
  context: ({ input }) => ({
    meters: initialMeters(silentProfile.meters, input?.start),
    lastDelta: {},
    lastRules: [],
    turns: 0,
  }),
  initial: 'judging',
  states: {
    judging: {
      always: [
        { guard: 'leaves', target: 'gone' },
        { guard: 'isGuarded', target: 'guarded' },
        { guard: 'isOpen', target: 'open' },
        { target: 'opening' },
      ],
    },
    guarded: { on: listening({ guarded: true }) },
    opening: { on: listening({ guarded: false }) },
    open: { on: listening({ guarded: false }) },
    gone: { type: 'final' },
  },
});

/**
 * The silent customer (file 001, TOC 3.5.3 沉默客户的服务技巧 gives only the title; the
 * tactics are grounded in 9.2.3 提问的技巧, 6.2 客户心理, and file 002's rules on patience
 * and on not prying). Closed questions and pressure close them up; open questions,
 * patience and attentive listening open them and give them the patience to stay. They
 * never shout: when patience runs out they simply leave (file 004: only 4% of dissatisfied
 * customers complain; the rest leave).
 */
import { defineCustomer } from './define.js';
import { moodOf, type CustomerProfile, type MeterSpec, type ReactionRule, type ReplyTag } from './reaction.js';

const F002 = '002_27eb744ca3868eee.txt';

export const silentRules: readonly ReactionRule[] = [
  { match: { principle: 'open-questions' }, delta: { openness: 14, patience: 4 }, source: '001 9.2.3 提问的技巧 / 3.5.3 沉默客户' },
  { match: { principle: 'show-patience' }, delta: { openness: 8, patience: 8 }, source: `${F002} 服务规范 4):耐心待客,不得有不耐烦迹象` },
  { match: { principle: 'attentive-listening' }, delta: { openness: 8, trust: 5, patience: 3 }, source: `${F002} 五做 第1条:让客户觉得舒适、放松,认真倾听` },
  { match: { principle: 'understand-feelings' }, delta: { openness: 8, trust: 5, patience: 2 }, source: '000 第3条:"十分了解您的心情"' },
  { match: { principle: 'emotion-first' }, delta: { openness: 8, trust: 4, patience: 2 }, source: `${F002} 先处理客户的情感` },
  { match: { principle: 'real-demand' }, delta: { openness: 10, trust: 4, patience: 3 }, source: `${F002} 判断客户的真实诉求` },
  { match: { principle: 'establish-facts' }, delta: { openness: 6, trust: 5, patience: 3 }, source: `${F002} 处理客户抱怨的原则 2):确认事情发生的真实原因` },
  { match: { principle: 'pry-and-press' }, delta: { openness: -8, patience: -8 }, source: `${F002}:不要对客户的事过分好奇,再三打听,刨根问底` },
  { match: { principle: 'interrupt-customer' }, delta: { openness: -10, patience: -12 }, source: `${F002} 十诫 第1条:打断客户` },
  { match: { principle: 'belittle-customer' }, delta: { openness: -5, trust: -15, patience: -25 }, source: `${F002} 十诫 第4条:暗示客户不重要` },
  { match: { principle: 'vague-brush-off' }, delta: { trust: -6, patience: -10 }, source: `${F002} 十诫 第6条:以为用户容易被打发` },
  { match: { principle: 'fake-attention' }, delta: { trust: -10, patience: -15 }, source: `${F002} 十诫 第10条:假装关注` },
  { match: { principle: 'flat-refusal' }, delta: { openness: -8, patience: -18 }, source: `${F002} 十诫 第2条:直接拒绝客户` },
  { match: { principle: 'we-just-cant' }, delta: { openness: -8, patience: -18 }, source: '000 第2条:"我们就是办不到"' },
  { match: { principle: 'hide-behind-rules' }, delta: { openness: -6, patience: -18 }, source: `${F002} 交谈中损害个人魅力的错误:以傲慢的态度拒绝客户的要求` },
  { match: { polarity: 'practice', category: 'listening' }, delta: { openness: 8, trust: 4, patience: 3 }, source: `${F002} 五做 第1条:认真倾听表示高度关注` },
  { match: { polarity: 'practice' }, delta: { openness: 6, trust: 4, patience: 3 }, source: `${F002} 五做:正确行为` },
  { match: { polarity: 'violation' }, delta: { openness: -5, patience: -10 }, source: '004 不满的客户只有4%投诉,其余的选择离开' },
];

/** Finding out what the problem is still lands while they are guarded; answers to it do not yet. */
const LANDS_WHILE_GUARDED = new Set(['real-demand', 'establish-facts']);

function guardedWorth(tag: ReplyTag): number {
  return tag.polarity === 'practice' && tag.service === 'hard' && !LANDS_WHILE_GUARDED.has(tag.id) ? 0.3 : 1;
}

const meters: MeterSpec[] = [
  { id: 'openness', good: 'high', start: 20, share: 0.4 },
  { id: 'trust', good: 'high', start: 40, share: 0.3 },
  { id: 'patience', good: 'high', start: 60, share: 0.3 },
];

export const silentProfile: CustomerProfile = {
  type: 'silent',
  meters,
  breakdownOutcome: 'left-silently',
  breaksOffAs: ['left-silently', 'unresolved'],
  signature: {
    practices: ['open-questions', 'show-patience', 'attentive-listening'],
    violations: ['pry-and-press', 'vague-brush-off', 'belittle-customer'],
  },
  mood: (m) => moodOf(meters, m),
  expression(m, d) {
    if (m.patience! < 25) return 'withdrawn';
    // A quiet customer shows a hurt as it happens, though they start withdrawn: a wary look.
    // (The play-test: a bad reply left the withdrawn face unchanged.)
    if ((d.openness ?? 0) <= -10 || (d.trust ?? 0) <= -10) return 'doubtful';
    if (m.openness! < 20) return 'withdrawn';
    if ((d.openness ?? 0) >= 10) return 'relieved';
    if (m.trust! < 35) return 'doubtful';
    if (m.openness! >= 70 && m.trust! >= 60) return 'pleased';
    return m.openness! < 40 ? 'withdrawn' : 'neutral';
  },
};

export const silent = defineCustomer({
  profile: silentProfile,
  rules: silentRules,
  turn: { delta: { patience: -4 }, floor: { patience: 10 }, source: 'design: each exchange asks something of a reluctant customer; time alone never drives them out, only how they are treated' },
  silence: {
    delta: { openness: 5, patience: 2 },
    floor: { patience: 10 },
    source: 'design, from 002 五做 第1条 (让客户觉得舒适、放松) and 001 9.2.1 倾听的技巧 (title only): a pause the trainee leaves is room to speak',
  },
  guards: {
    leaves: (m) => m.patience! <= 0,
    isGuarded: (m) => m.openness! < 40,
    isOpen: (m) => m.openness! >= 70,
  },
  judge: [
    { guard: 'leaves', target: 'gone' },
    { guard: 'isGuarded', target: 'guarded' },
    { guard: 'isOpen', target: 'open' },
    { target: 'opening' },
  ],
  final: 'gone',
  hearing: {
    guarded: { worth: guardedWorth, source: `${F002} 判断客户的真实诉求: until the real problem is out, answers to it count 0.3 (design)` },
    opening: null,
    open: null,
  },
});

/**
 * The angry customer (file 000, 如何应付客户服务中的投诉问题 第1条; file 002, 先处理客户的情感).
 * Anger climbs when argued with, refused flatly, lectured or blamed, and falls after
 * emotion-first empathy. While the customer is still heated, solutions barely register:
 * feelings come first. Admitting a mistake at once, acting with urgency and looking after
 * someone kept waiting land whatever the temper. Past the threshold the complaint escalates.
 */
import { defineCustomer } from './define.js';
import { moodOf, type CustomerProfile, type MeterSpec, type ReactionRule, type ReplyTag } from './reaction.js';

const F000_1 = '000 如何应付客户服务中的投诉问题 第1条';
const F002 = '002_27eb744ca3868eee.txt';

export const angryRules: readonly ReactionRule[] = [
  { match: { principle: 'emotion-first' }, delta: { anger: -14, trust: 5 }, source: `${F002} 处理问题的方法:先处理客户的情感` },
  { match: { principle: 'understand-feelings' }, delta: { anger: -12, trust: 4 }, source: '000 第3条:"十分了解您的心情"' },
  { match: { principle: 'let-them-vent' }, delta: { anger: -10, patience: 6 }, source: `${F002} 五做 第2条:让客户发泄怒气,适时附和` },
  { match: { principle: 'three-f' }, delta: { anger: -10, trust: 5 }, source: '001 9.3.3 呼入服务的3F法' },
  { match: { principle: 'stay-calm' }, delta: { anger: -8, patience: 2 }, source: `${F000_1}:通过你的平稳、缓和必能将客户的情绪控制住` },
  { match: { principle: 'focus-on-problem' }, delta: { anger: -6, trust: 4 }, source: `${F000_1}:注意力集中在问题,而不是客户的态度` },
  { match: { principle: 'own-the-problem' }, delta: { anger: -6, trust: 8 }, source: `${F002} 五做 第4条:明确表示替客户承担解决问题的责任` },
  { match: { principle: 'say-i-not-we' }, delta: { anger: -3, trust: 6 }, source: `${F002} 承担责任:使用"我"而不是"我们"` },
  { match: { principle: 'admit-mistake' }, delta: { anger: -8, trust: 8 }, source: `${F002} 五做 第3条:如有错误,立刻承认` },
  { match: { principle: 'act-with-urgency' }, delta: { anger: -6, trust: 6, patience: 4 }, source: `${F002} 五做 第3条:处理中体现紧迫感` },
  { match: { principle: 'care-while-waiting' }, delta: { anger: -10, patience: 10 }, source: '001 海底捞第一个惊喜:就算客户再有火气着急……慢慢等着吧' },
  { match: { principle: 'over-promise' }, delta: { anger: -4, trust: -20 }, source: '004 承诺与体验的差距:怒气一时下去,可他听过太多空头承诺,信任先打了折' },
  { match: { principle: 'argue-back' }, delta: { anger: 28, trust: -12 }, source: `${F002} 十诫 第1条:争辩、争吵` },
  { match: { principle: 'lecture-customer' }, delta: { anger: 18, trust: -8 }, source: `${F002} 十诫 第1条:教育、批评、讽刺客户` },
  { match: { principle: 'catch-their-panic' }, delta: { anger: 10, trust: -4 }, source: `${F000_1}:千万不能随客户急而急` },
  { match: { principle: 'flat-refusal' }, delta: { anger: 18, trust: -8 }, source: `${F002} 十诫 第2条:直接拒绝客户` },
  { match: { principle: 'insist-im-right' }, delta: { anger: 16, trust: -10 }, source: `${F002} 十诫 第3条:强调自己完全正确` },
  { match: { principle: 'doubt-honesty' }, delta: { anger: 28, trust: -15 }, source: `${F002} 十诫 第7条:怀疑客户的诚实` },
  { match: { principle: 'belittle-customer' }, delta: { anger: 28, trust: -12 }, source: `${F002} 十诫 第4条:暗示客户不重要` },
  { match: { principle: 'pass-the-buck' }, delta: { anger: 12, patience: -20 }, source: '004 推三推四,投诉无门' },
  { match: { principle: 'we-just-cant' }, delta: { anger: 14, trust: -6 }, source: '000 第2条:"我们就是办不到"' },
  { match: { principle: 'hide-behind-rules' }, delta: { anger: 14, trust: -6 }, source: `${F002} 交谈中损害个人魅力的错误:以傲慢的态度拒绝客户的要求` },
  { match: { principle: 'vague-brush-off' }, delta: { anger: 8, trust: -6 }, source: `${F002} 十诫 第6条:语言含糊,打太极拳` },
  { match: { polarity: 'practice', category: 'emotion' }, delta: { anger: -9, trust: 4 }, source: `${F002} 先处理客户的情感` },
  { match: { polarity: 'practice' }, delta: { anger: -6, trust: 5 }, source: `${F002} 五做:正确行为让不满降温` },
  { match: { polarity: 'violation' }, delta: { anger: 8, trust: -5 }, source: `${F002} 十诫:错误行为激化不满` },
];

/** Solutions that still land while the customer is heated: the sources say so of each. */
const LANDS_WHILE_HEATED = new Set(['act-with-urgency', 'care-while-waiting', 'exceed-expectations']);

/** While heated, hard-service moves (solutions, procedures) count a fifth: feelings come first. */
function heatedWorth(tag: ReplyTag): number {
  return tag.polarity === 'practice' && tag.service === 'hard' && !LANDS_WHILE_HEATED.has(tag.id) ? 0.2 : 1;
}

const meters: MeterSpec[] = [
  { id: 'anger', good: 'low', start: 70, share: 0.5 },
  { id: 'trust', good: 'high', start: 30, share: 0.3 },
  { id: 'patience', good: 'high', start: 60, share: 0.2 },
];

export const angryProfile: CustomerProfile = {
  type: 'angry',
  meters,
  breakdownOutcome: 'escalated',
  breaksOffAs: ['escalated', 'unresolved'],
  signature: {
    practices: ['emotion-first', 'understand-feelings', 'let-them-vent', 'stay-calm'],
    violations: ['argue-back', 'lecture-customer', 'flat-refusal', 'insist-im-right'],
  },
  mood: (m) => moodOf(meters, m),
  expression(m, d) {
    if (m.anger! >= 85) return 'furious';
    if (m.anger! >= 60) return 'angry';
    if ((d.anger ?? 0) <= -10) return 'relieved';
    if (m.anger! >= 35) return 'annoyed';
    if (m.trust! >= 60) return 'pleased';
    return m.trust! < 35 ? 'doubtful' : 'neutral';
  },
};

export const angry = defineCustomer({
  profile: angryProfile,
  rules: angryRules,
  turn: { delta: { patience: -3 }, floor: { patience: 10 }, source: 'design: each reply costs a little patience; time alone never makes him give up, only how he is treated' },
  silence: { delta: { anger: 10, patience: -15 }, source: '003 麦当劳"问有答声";(一)咨询无人理睬:a silence to someone waiting for an answer stokes the anger' },
  guards: {
    brokeOff: (m) => m.anger! >= 100 || m.patience! <= 0,
    isHeated: (m) => m.anger! >= 60,
    isCalm: (m) => m.anger! < 30,
  },
  judge: [
    { guard: 'brokeOff', target: 'escalated' },
    { guard: 'isHeated', target: 'heated' },
    { guard: 'isCalm', target: 'calm' },
    { target: 'cooling' },
  ],
  final: 'escalated',
  hearing: {
    heated: { worth: heatedWorth, source: `${F002} 素养篇 体谅情感:在开始处理任何事情之前必须不失原则的处理感情;solutions count a fifth (design), except urgency (五做 第3条), care while waiting and care beyond what was asked (001 海底捞:就算客户再有火气着急)` },
    cooling: null,
    calm: null,
  },
});


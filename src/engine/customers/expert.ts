/**
 * The expert customer (file 000, 如何应付客户服务中的投诉问题 第4条): their knowledge may exceed
 * ours. Bluffing collapses their trust (file 002: 不管自己了不了解,任意对客户发表意见);
 * a humble, learning attitude and sincere praise of their knowledge win them over, and
 * then they "不自觉地教你". While they are still testing you, praise without substance
 * reads as flattery. If trust or patience runs out they take it over your head.
 */
import { defineCustomer } from './define.js';
import { moodOf, type CustomerProfile, type MeterSpec, type ReactionRule, type ReplyTag } from './reaction.js';

const F000_4 = '000 如何应付客户服务中的投诉问题 第4条';
const F002 = '002_27eb744ca3868eee.txt';

export const expertRules: readonly ReactionRule[] = [
  { match: { principle: 'humble-learning' }, delta: { trust: 10, respect: 5 }, source: `${F000_4}:抱着学习交流的虚心态度` },
  { match: { principle: 'praise-expertise' }, delta: { trust: 8, patience: 5 }, source: `${F000_4}:称赞客户的知识丰富、专业水平高` },
  { match: { principle: 'professional-competence' }, delta: { respect: 15, trust: 5 }, source: `${F002} 服务规范 2):对产品及相关专业知识谙熟` },
  { match: { principle: 'establish-facts' }, delta: { respect: 6, trust: 4 }, source: `${F002} 售后服务 6):迅速核定事实` },
  { match: { principle: 'admit-mistake' }, delta: { trust: 8, respect: 4 }, source: `${F002} 五做 第3条:如有错误,立刻承认` },
  { match: { principle: 'bluff' }, delta: { trust: -35, respect: -20 }, source: `${F002}:不管自己了不了解,任意对客户发表意见` },
  { match: { principle: 'insist-im-right' }, delta: { trust: -15, respect: -10 }, source: `${F002} 十诫 第3条:强调自己完全正确` },
  { match: { principle: 'doubt-honesty' }, delta: { trust: -25, respect: -5 }, source: `${F002} 十诫 第7条:怀疑客户的诚实` },
  { match: { principle: 'lecture-customer' }, delta: { trust: -15, respect: -5 }, source: `${F002} 十诫 第1条:教育、批评客户` },
  { match: { principle: 'vague-brush-off' }, delta: { trust: -8, respect: -6 }, source: `${F002} 十诫 第6条:语言含糊,打太极拳` },
  { match: { principle: 'over-promise' }, delta: { trust: -12, respect: -10 }, source: `${F002} 服务规范 2):不浮夸产品` },
  { match: { principle: 'escalate-with-ownership' }, delta: { trust: 6, respect: 6 }, source: `${F002} 五做 第5条:难以独立处理,尽快转给相应部门` },
  { match: { polarity: 'practice', service: 'hard' }, delta: { respect: 7, trust: 5 }, source: `${F002} 服务规范 5):为客户解答时应熟练、正确` },
  { match: { polarity: 'practice' }, delta: { trust: 6, respect: 3, patience: 2 }, source: `${F002} 五做:正确行为` },
  { match: { polarity: 'violation' }, delta: { trust: -8, respect: -3 }, source: `${F002} 十诫:错误行为` },
];

/** While they are still testing you, praise counts half. */
function testingWorth(tag: ReplyTag): number {
  return tag.id === 'praise-expertise' ? 0.5 : 1;
}

const meters: MeterSpec[] = [
  { id: 'trust', good: 'high', start: 45, share: 0.5 },
  { id: 'respect', good: 'high', start: 35, share: 0.3 },
  { id: 'patience', good: 'high', start: 60, share: 0.2 },
];

export const expertProfile: CustomerProfile = {
  type: 'expert',
  meters,
  breakdownOutcome: 'escalated',
  breaksOffAs: ['escalated', 'unresolved'],
  signature: {
    practices: ['humble-learning', 'praise-expertise', 'professional-competence'],
    violations: ['bluff', 'insist-im-right'],
  },
  mood: (m) => moodOf(meters, m),
  expression(m, d) {
    if (m.trust! < 20) return 'angry';
    if ((d.trust ?? 0) <= -20) return 'annoyed';
    if (m.trust! < 45 || m.respect! < 30) return 'doubtful';
    if ((d.trust ?? 0) >= 10) return 'relieved';
    if (m.trust! >= 70) return 'pleased';
    return 'neutral';
  },
};

export const expert = defineCustomer({
  profile: expertProfile,
  rules: expertRules,
  turn: { delta: { patience: -3 }, floor: { patience: 10 }, source: 'design: each reply costs a little patience; time alone never makes them walk, only how they are treated' },
  silence: { delta: { respect: -10, patience: -10 }, source: `${F002} 服务规范 5):为客户解答时应熟练、正确 — dead air tells an expert you do not know` },
  guards: {
    walksOut: (m) => m.trust! <= 0 || m.patience! <= 0,
    isTesting: (m) => m.trust! < 50,
    isTeaching: (m) => m.trust! >= 80,
  },
  judge: [
    { guard: 'walksOut', target: 'walkedOut' },
    { guard: 'isTesting', target: 'testing' },
    { guard: 'isTeaching', target: 'teaching' },
    { target: 'cooperating' },
  ],
  final: 'walkedOut',
  hearing: {
    testing: { worth: testingWorth, source: `design, from ${F000_4} (不时地赞美, with a learning attitude): while they test you, praise without substance reads as flattery and counts half` },
    cooperating: null,
    teaching: null,
  },
});

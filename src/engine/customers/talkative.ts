/**
 * The talkative customer (file 001, TOC 3.5.4 健谈型客户的服务技巧 gives only the title; the
 * tactic is 9.1.3 有效掌握通话的主动权, taking the initiative). Left alone they drift further
 * from the point every turn; polite steering brings them back; listening and matching win
 * rapport but invite more talk. Cutting them off wounds them (file 002, 十诫 第1条, 打断客户).
 * If the talk drifts past recovery, or rapport is gone, the call ends with nothing solved.
 */
import { defineCustomer } from './define.js';
import { moodOf, type CustomerProfile, type MeterSpec, type ReactionRule } from './reaction.js';

const F002 = '002_27eb744ca3868eee.txt';

export const talkativeRules: readonly ReactionRule[] = [
  { match: { principle: 'take-initiative' }, delta: { drift: -20, trust: -2 }, source: '001 9.1.3 有效掌握通话的主动权' },
  { match: { principle: 'rapport-matching' }, delta: { trust: 12, drift: 3 }, source: '001 9.1.2 通过匹配创造和谐的沟通氛围' },
  { match: { principle: 'attentive-listening' }, delta: { trust: 10, drift: 4 }, source: `${F002} 五做 第1条:认真倾听表示高度关注` },
  { match: { principle: 'real-demand' }, delta: { drift: -12, trust: 4 }, source: `${F002} 判断客户的真实诉求` },
  { match: { principle: 'establish-facts' }, delta: { drift: -10, trust: 3 }, source: `${F002} 处理客户抱怨的原则 2):确认事情发生的真实原因` },
  { match: { principle: 'solve-together' }, delta: { drift: -8, trust: 5 }, source: `${F002} 五做 第5条:同客户一起找出解决办法` },
  { match: { principle: 'take-action' }, delta: { drift: -8, trust: 4 }, source: '001 9.1.4 采取行动' },
  { match: { principle: 'own-the-problem' }, delta: { drift: -6, trust: 6 }, source: `${F002} 五做 第4条` },
  { match: { principle: 'interrupt-customer' }, delta: { drift: -10, trust: -25 }, source: `${F002} 十诫 第1条:打断客户` },
  { match: { principle: 'fake-attention' }, delta: { trust: -12, drift: 8 }, source: `${F002} 十诫 第10条:假装关注,却忘记客户的关键要求` },
  { match: { principle: 'belittle-customer' }, delta: { trust: -35, patience: -10 }, source: `${F002} 十诫 第4条` },
  { match: { principle: 'lecture-customer' }, delta: { trust: -18 }, source: `${F002} 十诫 第1条:教育、批评、讽刺客户` },
  { match: { polarity: 'practice', service: 'hard' }, delta: { drift: -8, trust: 4 }, source: '001 9.1.3 掌握主动权,把话题带回问题' },
  { match: { polarity: 'practice' }, delta: { trust: 8, patience: 3 }, source: `${F002} 五做:正确行为` },
  { match: { polarity: 'violation' }, delta: { trust: -8, drift: 5 }, source: `${F002} 十诫:错误行为` },
];

const meters: MeterSpec[] = [
  { id: 'drift', good: 'low', start: 40, share: 0.35 },
  { id: 'trust', good: 'high', start: 50, share: 0.45 },
  { id: 'patience', good: 'high', start: 70, share: 0.2 },
];

export const talkativeProfile: CustomerProfile = {
  type: 'talkative',
  meters,
  breakdownOutcome: 'unresolved',
  breaksOffAs: ['unresolved', 'escalated'],
  signature: {
    practices: ['take-initiative', 'rapport-matching', 'attentive-listening'],
    violations: ['interrupt-customer', 'fake-attention'],
  },
  mood: (m) => moodOf(meters, m),
  expression(m, d) {
    if (m.trust! < 20) return 'angry';
    if (m.trust! < 35 || (d.trust ?? 0) <= -15) return 'annoyed';
    if (m.drift! < 30 && m.trust! >= 55) return 'relieved';
    if (m.trust! >= 65) return 'pleased';
    return 'neutral';
  },
};

export const talkative = defineCustomer({
  profile: talkativeProfile,
  rules: talkativeRules,
  turn: { delta: { drift: 6, patience: -2 }, floor: { patience: 10 }, source: '001 9.1.3 (title only): unsteered, the talk wanders a little further each turn (design: by 6)' },
  silence: { delta: { drift: 15, patience: -2 }, source: 'design, from 001 3.5.4 (title only): a silence is filled at once, and not with the problem' },
  guards: {
    derailed: (m) => m.drift! >= 100 || m.trust! <= 0 || m.patience! <= 0,
    isRambling: (m) => m.drift! >= 60,
    isFocused: (m) => m.drift! < 30,
  },
  judge: [
    { guard: 'derailed', target: 'derailed' },
    { guard: 'isRambling', target: 'rambling' },
    { guard: 'isFocused', target: 'focused' },
    { target: 'chatting' },
  ],
  final: 'derailed',
  hearing: {
    // Once rambling, rapport moves feed the flow of talk twice as fast.
    rambling: { flow: (rule) => ((rule.delta.drift ?? 0) > 0 ? 2 : 1), source: 'design, from 001 9.1.3: once rambling, whatever invites more talk feeds it twice as fast' },
    chatting: null,
    focused: null,
  },
});

/** The own-words judge: `createJudge(loadSignals(file, text, catalog).signals)(reply, { locale, scenario?, node? })`. */
export { createJudge, judgeVocabulary, readingsOf, verdictOf, MAX_CHARS, type Finding, type Judge, type JudgeOptions, type JudgeResult, type Verdict } from './judge.js';
export { loadSignals, type Signals, type SignalsResult } from './signals.js';
export { closestReply, principleMatch, type Closest, type ClosestOptions } from './closest.js';
export { notice, NOTICE_CODES, type Notice, type NoticeCode } from './notices.js';
export { toPortable, fromPortable, type PortableSignals } from './portable.js';

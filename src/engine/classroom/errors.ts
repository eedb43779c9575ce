/**
 * Every refusal the classroom server may send, by code: each has its own text under
 * classroom.errors in both locales (a code without one reached Chinese phones as the server's
 * English message). `fail()` and `Failure` take only these, so a new code does not compile until
 * it is listed here, and tests/unit/classroomStrings.test.ts then asks for its two texts.
 */
export const ERROR_CODES = [
  'no-room',
  'ended',
  'slow-down',
  'closed',
  'bad-message',
  'unknown',
  'timeout',
  'not-trainer',
  'not-host',
  'full',
  'stale',
  'bad-choice',
  'not-playing',
  'no-votes',
  'no-scenario',
  'too-early',
  'busy',
  'moving',
  'internal',
  'no-participant',
  'removed',
  'name-blank',
  'name-invisible',
  'name-formula',
  'name-marks',
  'name-mixed',
  'name-lookalike',
  'name-banned',
  'too-many-connections',
  'locked',
  'waiting',
  'not-waiting',
  'not-open',
  'paused',
  'running',
  'not-ended',
  'too-many-scenarios',
  'no-judge',
  'no-round',
  'no-time-limit',
  'not-own-words',
  'started',
  'unknown-message',
  'wrong-mode',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Refusals whose message is the only text there is: a session's own error, a typed reply that could not be read. */
export type OwnTextCode = 'session' | 'unreadable';

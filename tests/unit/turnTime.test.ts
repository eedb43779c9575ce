import { describe, expect, it } from 'vitest';
import { MAX_STEP_MS, StepTimer, spendGrace } from '../../src/game/play/turnTime.js';

function fakeClock(start = 1000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('StepTimer', () => {
  it('counts the real time between steps, however rarely they come', () => {
    const c = fakeClock();
    const timer = new StepTimer(c.now);
    let total = 0;
    // Frames of 250 ms: a timer that counted 100 ms a call would reach only 4 s in 10 s.
    for (let i = 0; i < 40; i++) {
      c.t += 250;
      total += timer.step();
    }
    expect(total).toBe(10_000);
  });

  it('leaves out the time it was held, even when holds overlap', () => {
    const c = fakeClock();
    const timer = new StepTimer(c.now);
    c.t += 300;
    expect(timer.step()).toBe(300);
    c.t += 200;
    timer.hold('pause');
    c.t += 5000;
    timer.hold('hidden');
    expect(timer.step()).toBe(0);
    c.t += 5000;
    timer.release('pause');
    expect(timer.held).toBe(true);
    c.t += 5000;
    timer.release('hidden');
    c.t += 100;
    // 200 ms before the hold and 100 after: the 15 s held do not count.
    expect(timer.step()).toBe(300);
  });

  it('caps one step', () => {
    const c = fakeClock();
    const timer = new StepTimer(c.now);
    c.t += 8000;
    expect(timer.step()).toBe(MAX_STEP_MS);
    c.t += 50;
    expect(timer.step()).toBe(50);
  });

  it('never counts backwards, and a release without a hold changes nothing', () => {
    const c = fakeClock();
    const timer = new StepTimer(c.now);
    timer.release('pause');
    c.t -= 40;
    expect(timer.step()).toBe(0);
    c.t += 140;
    expect(timer.step()).toBe(140);
  });
});

describe('spendGrace', () => {
  it('spends the reading grace before the limit', () => {
    expect(spendGrace(250, 100)).toEqual({ grace: 150, toSession: 0 });
    expect(spendGrace(150, 400)).toEqual({ grace: 0, toSession: 250 });
    expect(spendGrace(0, 400)).toEqual({ grace: 0, toSession: 400 });
  });
});

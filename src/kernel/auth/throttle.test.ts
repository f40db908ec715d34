import { describe, expect, it } from 'vitest';
import { EMPTY_LIMIT, accountPolicy, fail, failuresLeft, isKnownAddress, lockMinutesAt, lockedFor, settle, type LimitState } from './throttle.js';

const policy = accountPolicy({ loginMaxFailures: 5, loginLockMinutes: 15, loginLockMaxMinutes: 24 * 60 });
const at = (min: number) => new Date(Date.UTC(2025, 2, 3, 0, 0) + min * 60_000);

describe('back-off schedule', () => {
  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [4, 120],
    [5, 240],
    [6, 480],
    [7, 960],
    [8, 1440], // the cap
    [9, 1440],
    [40, 1440],
  ])('lock %i in a row lasts %i minutes', (level, minutes) => {
    expect(lockMinutesAt(level, policy)).toBe(minutes);
  });

  it('a cap below the first lock leaves the first lock as it is', () => {
    expect(lockMinutesAt(3, accountPolicy({ loginMaxFailures: 5, loginLockMinutes: 30, loginLockMaxMinutes: 10 }))).toBe(30);
  });
});

/** Runs `n` failures a minute apart from `start`, returning the state and the last lock. */
function failures(s: LimitState, start: number, n: number) {
  let state = s;
  let locked: number | null = null;
  for (let i = 0; i < n; i++) ({ state, locked } = fail(state, at(start + i), policy));
  return { state, locked };
}

describe('one counter over time (injected clock)', () => {
  it.each([
    // [what, steps: (failures at minute) …, expected lock of the last step, locks in a row]
    ['five failures lock for 15 minutes', [[0, 5]], 15, 1],
    ['four do not', [[0, 4]], null, 0],
    [
      'after the lock, five more lock for 30',
      [
        [0, 5],
        [20, 5],
      ],
      30,
      2,
    ],
    [
      'then 60',
      [
        [0, 5],
        [20, 5],
        [55, 5],
      ],
      60,
      3,
    ],
    [
      'a day quiet after the lock ended (minute 54) forgets the level',
      [
        [0, 5],
        [20, 5],
        [55 + 24 * 60, 5],
      ],
      15,
      1,
    ],
    [
      'a day less a minute does not',
      [
        [0, 5],
        [20, 5],
        [53 + 24 * 60, 5],
      ],
      60,
      3,
    ],
    [
      'failures further apart than the window (a day) start over',
      [
        [0, 4],
        [24 * 60 + 1, 4],
      ],
      null,
      0,
    ],
  ] as [string, [number, number][], number | null, number][])('%s', (_what, steps, lock, level) => {
    let s = EMPTY_LIMIT;
    let last: number | null = null;
    for (const [start, n] of steps) ({ state: s, locked: last } = failures(s, start, n));
    expect(last).toBe(lock);
    expect(s.locks).toBe(level);
  });

  it('counts down the failures left and reports the minutes a lock has left', () => {
    const { state } = failures(EMPTY_LIMIT, 0, 3);
    expect(failuresLeft(state, policy)).toBe(2);
    const { state: locked } = failures(state, 3, 2);
    expect(lockedFor(locked, at(4))).toBe(15);
    expect(lockedFor(locked, at(18.5))).toBe(1);
    expect(lockedFor(locked, at(19))).toBeNull();
    expect(settle(locked, at(19 + 24 * 60 + 1), policy)).toEqual(EMPTY_LIMIT);
  });

  it('an address is known for 30 days after a successful sign-in from it', () => {
    expect(isKnownAddress(null, at(0))).toBe(false);
    expect(isKnownAddress(at(0), at(30 * 24 * 60))).toBe(true);
    expect(isKnownAddress(at(0), at(30 * 24 * 60 + 1))).toBe(false);
  });
});

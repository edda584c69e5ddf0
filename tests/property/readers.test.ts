// Property tests of the deadline and quantity/target readers: no input makes them throw or hang,
// their offsets lie in the string read, their dates are real dates and their values finite numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDeadline } from '../../src/entities/deadlines.js';
import { readCell, readQuantities } from '../../src/entities/quantities.js';
import { checkDeadline } from './checks.js';
import { adversarialRun, params, readerText, TEST_TIMEOUT, timed, TIME_BOUND } from './arbitraries.js';

const planYear = fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: null });

describe('deadline and quantity readers (properties)', () => {
  it('readDeadline never throws or hangs; its dates are real and its label printed', () => {
    fc.assert(
      fc.property(readerText, planYear, planYear, (text, py, fy) => {
        const { value, ms } = timed(() => readDeadline(text, py, fy));
        expect(ms).toBeLessThan(TIME_BOUND);
        checkDeadline(value, text);
      }),
      params(3000),
    );
  }, TEST_TIMEOUT);

  it('readQuantities never throws or hangs; values finite, offsets in the string, in order, apart', () => {
    fc.assert(
      fc.property(readerText, (text) => {
        const { value: qs, ms } = timed(() => readQuantities(text));
        expect(ms).toBeLessThan(TIME_BOUND);
        let prevEnd = 0;
        for (const q of qs) {
          expect(Number.isFinite(q.value)).toBe(true);
          if (q.valueMax !== undefined) expect(Number.isFinite(q.valueMax) && q.valueMax > q.value).toBe(true);
          expect(0 <= q.start && q.start <= q.valueStart && q.valueStart < q.end && q.end <= text.length).toBe(true);
          expect(/^\d/.test(text.slice(q.valueStart))).toBe(true);
          expect(q.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = q.end;
        }
      }),
      params(3000),
    );
  }, TEST_TIMEOUT);

  it('readCell never throws or hangs; its values are finite', () => {
    fc.assert(
      fc.property(readerText, (text) => {
        const { value: c, ms } = timed(() => readCell(text));
        expect(ms).toBeLessThan(TIME_BOUND);
        if (c) {
          expect(Number.isFinite(c.value)).toBe(true);
          if (c.valueMax !== undefined) expect(Number.isFinite(c.valueMax)).toBe(true);
        }
      }),
      params(3000),
    );
  }, TEST_TIMEOUT);

  it('stays fast on long adversarial runs (catastrophic backtracking)', () => {
    fc.assert(
      fc.property(adversarialRun, adversarialRun, (a, b) => {
        for (const text of [a, a + b, `${a} ${b}`]) {
          const { ms } = timed(() => {
            readDeadline(text, 2024, 2024);
            readQuantities(text);
            readCell(text);
          });
          expect(ms, `${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`).toBeLessThan(TIME_BOUND);
        }
      }),
      params(300),
    );
  }, TEST_TIMEOUT);
});

import { describe, expect, it } from 'vitest';
import { roundDecimal } from './rounding.ts';

describe('rounding a score', () => {
  it('rounds half away from zero on the decimal value, not on its binary approximation', () => {
    // 2.2345 is stored as 2.23449999…; 1.005 as 1.00499999…
    expect(roundDecimal(4469 / 2000, 3)).toBe(2.235);
    expect(roundDecimal(2.2345, 3)).toBe(2.235);
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(-0.0005, 3)).toBe(-0.001);
  });

  it('leaves what is below a half alone, and noise of floating-point sums', () => {
    expect(roundDecimal(2.2344999, 3)).toBe(2.234);
    expect(roundDecimal(0.1 + 0.2, 3)).toBe(0.3);
    expect(roundDecimal(3, 3)).toBe(3);
  });

  it('never gives a negative zero', () => {
    expect(Object.is(roundDecimal(-0.0001, 3), 0)).toBe(true);
  });

  it('rounds the tiny and the large', () => {
    expect(roundDecimal(1e-7, 3)).toBe(0);
    expect(roundDecimal(12345.6785, 3)).toBe(12345.679);
  });
});

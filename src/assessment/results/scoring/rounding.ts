// One rounding rule for every score shown or exported: half away from zero,
// on the number's decimal value. A mean such as 4,469 / 2,000 is 2.2345 on
// paper but a hair below it in binary floating point, where rounding to three
// decimals would give 2.234; so the value is first read to 12 significant
// digits (far beyond any score's precision, far above floating-point noise),
// then rounded as a reviewer would by hand: 2.2345 → 2.235, −0.0005 → −0.001.
// Pure.

const SIGNIFICANT_DIGITS = 12;

export function roundDecimal(value: number, decimals: number): number {
  const decimal = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  const [digits = '0', exponent = '0'] = String(Math.abs(decimal)).split('e');
  const shifted = Math.round(Number(`${digits}e${Number(exponent) + decimals}`));
  // `+ 0` turns a negative zero into zero: −0.0001 is shown as 0.000, not −0.000.
  return Math.sign(decimal) * Number(`${shifted}e-${decimals}`) + 0;
}

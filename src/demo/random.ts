// A small seeded pseudo-random generator (mulberry32) for demo data: the same
// seed always yields the same workspace, so demo ids, charts and screenshots stay stable.

export class SeededRandom {
  private state: number;

  /** A string seed names an independent stream, e.g. `2026:ids` beside `2026:answers`. */
  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashText(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A draw from a normal distribution (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    // 1 - next() lies in (0, 1], so the logarithm is always finite.
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(choices: readonly T[]): T {
    if (choices.length === 0) throw new Error('cannot pick from an empty list');
    return choices[Math.floor(this.next() * choices.length)] as T;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `byteCount` random bytes as lower-case hexadecimal. */
  hex(byteCount: number): string {
    let text = '';
    for (let i = 0; i < byteCount; i++) text += this.integer(0, 255).toString(16).padStart(2, '0');
    return text;
  }

  /** A version-4 UUID drawn from this generator rather than from the system, so it is reproducible. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => this.integer(0, 255));
    // RFC 4122: version 4 in the high nibble of byte 6, variant 10xx in byte 8.
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** FNV-1a: turns a text seed into a 32-bit starting state. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// Slows down anyone guessing secret links: an address that asks for too many
// links that do not exist is refused for a while. Link secrets are 256 bits,
// so guessing cannot succeed; this keeps the attempts from costing us. The
// address is the client's (behind a trusted proxy, the one it reports), and a
// link that exists opens even from a refused address (session-hooks.ts).
// Counts live in each process: a limit, not a guarantee across processes.

export const MAX_UNKNOWN_LINKS = 30;
export const WINDOW_MS = 10 * 60 * 1000;

export class LinkGuessing {
  readonly #failures = new Map<string, number[]>();

  #recent(address: string, now: number): number[] {
    const recent = (this.#failures.get(address) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length === 0) this.#failures.delete(address);
    else this.#failures.set(address, recent);
    return recent;
  }

  isBlocked(address: string, now = Date.now()): boolean {
    return this.#recent(address, now).length >= MAX_UNKNOWN_LINKS;
  }

  recordUnknownLink(address: string, now = Date.now()): void {
    this.#failures.set(address, [...this.#recent(address, now), now]);
  }
}

// Work a route does once its reply has gone: work the reader need not wait
// for, or must not be able to time (whether an address has an account shows
// in how long writing a reset link takes). What fails is logged, never lost,
// and closing the app waits for what is still running.

declare module 'fastify' {
  interface FastifyInstance {
    /** Work to do after a reply (see after-reply.ts); tests wait for it with `idle()`. */
    afterReply: AfterReply;
  }
}

/** What a reply needs to tell that it has gone: Node's response, which emits 'close'. */
interface SentReply {
  raw: { once(event: 'close', listener: () => void): unknown };
}

export class AfterReply {
  readonly #pending = new Set<Promise<void>>();

  /**
   * Runs `work` once `reply` has been sent, or its reader has gone away
   * (Node emits 'close' either way), and hands what it throws to `logError`.
   */
  schedule(reply: SentReply, work: () => Promise<void>, logError: (error: unknown) => void) {
    const done = new Promise<void>((resolve) => {
      reply.raw.once('close', () => {
        work().catch(logError).finally(resolve);
      });
    });
    // Counted from now, not from the 'close': a test that has its answer may not
    // have seen the 'close' yet, and must still wait for the work.
    this.#pending.add(done);
    void done.then(() => this.#pending.delete(done));
  }

  /** Resolves once every piece of work scheduled so far, and any it scheduled, has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }
}

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AfterReply } from './after-reply.ts';

describe('work after a reply', () => {
  it('runs once the reply has gone, hands its errors to the log, and can be waited for', async () => {
    const afterReply = new AfterReply();
    const logged: unknown[] = [];
    const done: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      afterReply.schedule(
        reply,
        async () => {
          await held;
          done.push('slow work');
        },
        (error) => logged.push(error),
      );
      afterReply.schedule(
        reply,
        async () => {
          throw new Error('the outbox is gone');
        },
        (error) => logged.push(error),
      );
      return 'answered';
    });

    // The answer does not wait for the work, which is still held.
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.body).toBe('answered');
    expect(done).toEqual([]);

    let idle = false;
    const waiting = afterReply.idle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(done).toEqual(['slow work']);
    expect(logged).toEqual([new Error('the outbox is gone')]);
    await app.close();
  });
});

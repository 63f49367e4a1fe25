// An app whose mail goes to a real SMTP server in the test process, for tests
// that check what was delivered. Without SMTP (`smtp: false`) messages stay in
// the outbox, as in a demo with nothing installed.
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { App } from '../src/platform/http/feature.ts';
import { type MailSetup, outboxOnly } from '../src/platform/mail/mailer.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';

export const TEST_PUBLIC_URL = 'http://transforma.test';

export interface MailTestApp {
  app: App;
  database: TestDatabase;
  smtp: TestSmtp;
  mail: MailSetup;
}

export function useMailTestApp({ smtp: withSmtp = true }: { smtp?: boolean } = {}): MailTestApp {
  const context = {} as MailTestApp;
  beforeAll(async () => {
    context.database = await openTestDatabase('empty');
    context.smtp = await startTestSmtp();
    context.mail = {
      mailer: withSmtp ? context.smtp.mailer : outboxOnly,
      publicUrl: TEST_PUBLIC_URL,
    };
    context.app = await buildApp({ database: context.database, mail: context.mail });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.smtp?.close();
    await context.database?.drop();
  });
  return context;
}

/** The path of an app link in a message, for app.inject. */
export function pathOf(link: string): string {
  return link.slice(TEST_PUBLIC_URL.length);
}

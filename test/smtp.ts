// A real SMTP server in the test process, on a free port of 127.0.0.1: the
// app's mailer talks the real protocol to it, and tests read what arrived.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Mailer } from '../src/platform/mail/mailer.ts';
import { createMailer } from '../src/platform/mail/mailer.ts';

export interface DeliveredMail {
  /** The envelope's recipients, as the server was told them. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
}

export interface TestSmtp {
  url: string;
  delivered: DeliveredMail[];
  /** A mailer that delivers to this server. */
  mailer: Mailer;
  /** Waits until at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<DeliveredMail[]>;
  /** Refuses mail to these recipients from now on, as a server does for an unknown mailbox. */
  refuse(recipient: string): void;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const delivered: DeliveredMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const language = parsed.headers.get('content-language');
          delivered.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: typeof language === 'string' ? language : undefined,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('The SMTP server has no port');
  const url = `smtp://test:secret@127.0.0.1:${address.port}`;
  const mailer = createMailer({ smtpUrl: url, from: 'Transforma <transforma@test.example>' });
  return {
    url,
    delivered,
    mailer,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (delivered.length < count) {
        if (Date.now() > deadline)
          throw new Error(`Expected ${count} messages, ${delivered.length} arrived`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return delivered;
    },
    refuse(recipient) {
      refused.add(recipient.toLowerCase());
    },
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The first link in a message that points into the app. */
export function linkIn(mail: DeliveredMail, prefix: string): string {
  const match = mail.text.match(
    new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\S+`),
  );
  if (!match) throw new Error(`No link ${prefix}… in:\n${mail.text}`);
  return match[0];
}

// Real receivers on loopback for notification tests: an HTTP server that records every request (webhooks, chat,
// Mastodon, Bluesky, a WebSub hub) and can be told to fail, and an SMTP server (smtp-server) whose messages are
// parsed by mailparser. Neither is our code under test.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered. */
  status: number;
}

export interface HttpReceiver {
  url: string;
  requests: Recorded[];
  /** Answers with `status` to the next `times` requests to `path` (Infinity: until cleared). */
  fail(path: string, status: number, times: number): void;
  clearFailures(): void;
  /** Requests to a path that were answered with success. */
  delivered(path: string): Recorded[];
  close(): Promise<void>;
}

export async function httpReceiver(): Promise<HttpReceiver> {
  const requests: Recorded[] = [];
  const failures = new Map<string, { status: number; times: number }>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      const path = req.url ?? '/';
      const failure = failures.get(path);
      let status = 200;
      if (failure && failure.times > 0) {
        status = failure.status;
        failure.times--;
      }
      requests.push({ path, headers: req.headers, body, status });
      if (status !== 200) {
        res.writeHead(status, { 'Content-Type': 'text/plain' }).end('receiver told to fail');
        return;
      }
      // Bluesky's login answers with a session; everything else with a small JSON.
      const answer = path.endsWith('createSession') ? { accessJwt: 'jwt-for-test', did: 'did:plc:test' } : { ok: true };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (path, status, times) => failures.set(path, { status, times }),
    clearFailures: () => failures.clear(),
    delivered: (path) => requests.filter((r) => r.path === path && r.status === 200),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SmtpReceiver {
  port: number;
  messages: ParsedMail[];
  /** Envelope recipients of each message, in order. */
  recipients: string[][];
  close(): Promise<void>;
}

export async function smtpReceiver(): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          recipients.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, recipients, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

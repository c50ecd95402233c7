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
  /** Reads the next `times` requests to `path` whole, then drops the connection without answering. */
  reset(path: string, times: number): void;
  /** Reads the next `times` requests to `path` whole, then answers 200 only after `ms`. */
  delay(path: string, ms: number, times: number): void;
  clearFailures(): void;
  /** Requests to a path that were answered with success. */
  delivered(path: string): Recorded[];
  close(): Promise<void>;
}

export async function httpReceiver(): Promise<HttpReceiver> {
  const requests: Recorded[] = [];
  const failures = new Map<string, { status: number; times: number; reset?: boolean; delayMs?: number }>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      const path = req.url ?? '/';
      const failure = failures.get(path);
      let status = 200;
      let delayMs = 0;
      if (failure && failure.times > 0) {
        failure.times--;
        if (failure.reset) {
          // Recorded as 0: the request arrived whole, and no answer was given.
          requests.push({ path, headers: req.headers, body, status: 0 });
          req.socket.destroy();
          return;
        }
        status = failure.status;
        delayMs = failure.delayMs ?? 0;
      }
      requests.push({ path, headers: req.headers, body, status });
      if (delayMs) {
        setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'), delayMs).unref();
        return;
      }
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
    reset: (path, times) => failures.set(path, { status: 0, times, reset: true }),
    delay: (path, ms, times) => failures.set(path, { status: 200, times, delayMs: ms }),
    clearFailures: () => failures.clear(),
    delivered: (path) => requests.filter((r) => r.path === path && r.status === 200),
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      // A delayed answer must not keep the test waiting.
      server.closeAllConnections();
    }),
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

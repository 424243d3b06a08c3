// The test's own feed server on 127.0.0.1 (another port than the app, so a
// cross-origin feed, as a government server is). Each test decides how it
// answers, and reads back every request it saw.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { test, type Page } from '@playwright/test';
import { DEFAULT_REGISTRY, readData } from './data';

export interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** How to answer: a body (served with an ETag, honouring If-None-Match), or a
 *  status with a body (and a `Retry-After` in seconds), or no answer at all
 *  (`hang`), or a body whose connection breaks after its first third
 *  (`broken`), or a body sent in 20 pieces spread over `overMs` (`trickle`). */
export type Answer =
  | { body: Buffer | string; contentType?: string }
  | { status: number; body: string; contentType?: string; retryAfter?: number }
  | { hang: true }
  | { broken: Buffer }
  | { trickle: Buffer | string; overMs: number; contentType?: string };

export class FeedServer {
  readonly seen: Seen[] = [];
  private server?: Server;
  private answers = new Map<string, Answer>();
  /** Requests left hanging whose connection the client has not yet given up. */
  hanging = 0;
  url = '';

  answer(path: string, answer: Answer) {
    this.answers.set(path, answer);
  }

  requestsFor(path: string): Seen[] {
    return this.seen.filter((s) => s.path === path);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const answer = this.answers.get(path);
      const record = (status: number) => this.seen.push({ path, headers: req.headers, status });
      // As a feed server that wants to be polled politely: Retry-After readable.
      const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag, retry-after' };
      if (!answer) {
        record(404);
        res.writeHead(404, cors).end('not found');
      } else if ('hang' in answer) {
        record(0); // never answered
        this.hanging++;
        res.on('close', () => this.hanging--);
      } else if ('broken' in answer) {
        record(200);
        res.writeHead(200, { ...cors, 'content-length': answer.broken.length, 'content-type': 'text/csv' });
        res.write(answer.broken.subarray(0, answer.broken.length / 3), () => res.destroy());
      } else if ('trickle' in answer) {
        record(200);
        const bytes = Buffer.from(answer.trickle);
        res.writeHead(200, { ...cors, 'content-length': bytes.length, 'content-type': answer.contentType ?? 'text/csv; charset=utf-8' });
        const pieces = 20;
        const size = Math.ceil(bytes.length / pieces);
        let sent = 0;
        const next = () => {
          if (res.destroyed) return;
          res.write(bytes.subarray(sent, sent + size));
          sent += size;
          if (sent < bytes.length) setTimeout(next, answer.overMs / pieces);
          else res.end();
        };
        next();
      } else if ('status' in answer) {
        record(answer.status);
        const retry = answer.retryAfter === undefined ? {} : { 'retry-after': String(answer.retryAfter) };
        res.writeHead(answer.status, { ...cors, ...retry, 'content-type': answer.contentType ?? 'text/plain' }).end(answer.body);
      } else {
        const etag = `"${createHash('sha1').update(answer.body).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) {
          record(304);
          res.writeHead(304, { ...cors, etag, 'cache-control': 'no-cache' }).end();
        } else {
          record(200);
          res.writeHead(200, { ...cors, etag, 'cache-control': 'no-cache', 'content-type': answer.contentType ?? 'text/plain; charset=utf-8' });
          res.end(answer.body);
        }
      }
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((done) => this.server?.close(done));
  }
}

/** A feed server of its own for each test of the file, serving the default
 *  registry at `/registry` (the feed is the test's to answer), stopped after
 *  the test. `use` receives each test's server. */
export function serveEachTest(use: (server: FeedServer) => void) {
  let server: FeedServer;
  test.beforeEach(async () => {
    server = new FeedServer();
    await server.start();
    server.answer('/registry', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
    use(server);
  });
  test.afterEach(async () => server.stop());
}

/** Makes the app in `page` trust `server` as one of its site's sources (as a
 *  district names its own feed's origin), so a kiosk takes its feed. Set on
 *  the page as it loads: a document fulfilled by a test's route would lose
 *  its loopback address, and the feed server's requests with it. */
export async function trustFeedServer(page: Page, server: FeedServer) {
  await page.addInitScript((origin) => {
    new MutationObserver((_, observer) => {
      const meta = document.querySelector('meta[name="mask-map:trusted-origins"]');
      if (!meta) return;
      meta.setAttribute('content', `${origin} ${meta.getAttribute('content')}`);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, server.url);
}

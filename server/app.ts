import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { BAD_TEXT_MESSAGE, findBadText } from '../src/schema/common';
import { pageHashes } from './csp';
import { ApiError, installErrorHandling, sendError } from './errors';
import type { Store } from './store/store';
import { accessControl } from './auth/access';
import { loadTokenSecret } from './auth/secret';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { dsmbReportRoutes } from './routes/dsmb-report';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { peopleRoutes, reviewRoutes } from './routes/review';
import { syncRoutes } from './routes/sync';

export type AppOptions = {
  store: Store;
  /** The built PWA (`dist/`) to serve; omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (CHEVET_TRUST_PROXY: addresses or CIDR ranges).
   * Default: none — the client address is the connection's, whatever a header says.
   */
  trustProxy?: readonly string[];
  /** Tests shorten them; production keeps SERVER_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
};

export type ServerTimeouts = {
  /** A whole request, headers and body: one dripped slowly, or never sent, is cut here (408). */
  requestMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** Any connection with no traffic at all. */
  idleMs: number;
};
// A 1 000-mutation push is ~1 MB: seconds on a ward's Wi-Fi; 30 s leaves room, and holds no socket for minutes.
export const SERVER_TIMEOUTS: ServerTimeouts = { requestMs: 30_000, keepAliveMs: 5_000, idleMs: 60_000 };

// Bigger than any push batch the client sends (sync/batch size cap), small enough to refuse abuse early.
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The central store's HTTP app; `listen` is the caller's (main.ts, or tests on a random port). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.idleMs,
    // Node checks these on an interval (30 s by default, which would double them), and ignores the request
    // timeout unless it is set when the server is created, with a headers timeout no longer than it.
    http: {
      connectionsCheckingInterval: Math.min(1000, timeouts.requestMs),
      requestTimeout: timeouts.requestMs,
      headersTimeout: Math.min(timeouts.requestMs, 20_000),
    },
    // X-Forwarded-For only from a proxy the operator named: otherwise anyone could pick the address that the
    // per-address sign-in limits count and the audit records.
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    // A malformed URL (`/api/%ZZ`) gets the error body of every other answer, not Fastify's own.
    frameworkErrors: (error, _request, reply) => {
      reply.header('cache-control', 'no-store');
      return error.code === 'FST_ERR_BAD_URL'
        ? sendError(reply, 400, 'bad-url', 'The address is not a valid URL.')
        : sendError(reply, 400, 'bad-request', error.message);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const staticDir = options.staticDir;
  const hasApp = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  // The page's inline boot script and style sheets, allowed by their hashes alone (server/csp.ts).
  const inline = hasApp ? pageHashes(join(staticDir, 'index.html')) : () => ({ script: [], style: [] });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", () => inline().script.join(' ')],
        styleSrc: ["'self'", () => inline().style.join(' ')],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Plain-HTTP on localhost must keep working; HSTS belongs to the hospital's TLS front.
    hsts: false,
  });
  installErrorHandling(app);
  app.addHook('onRequest', async (request, reply) => {
    // Answers hold clinical data and tokens: no cache (browser, service worker, proxy) may keep them.
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
  });
  app.addHook('preValidation', async (request) => {
    // Bad text (NUL, lone surrogate) anywhere in a body is a 400 with the error body, whatever the route's
    // schema says; a push instead rejects only the mutations that hold it (sync/validate-mutation.ts).
    if (!isApiPath(request.url) || request.routeOptions.url === '/api/sync/push') return;
    const where = findBadText(request.body) ?? findBadText(request.query);
    if (where !== null)
      throw new ApiError(400, 'invalid-text', `Invalid text at ${where}: it ${BAD_TEXT_MESSAGE}.`);
  });
  app.decorate('store', options.store);
  await app.register(accessControl, { secret: await loadTokenSecret(options.store) });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(syncRoutes, { prefix: '/api/sync' });
  await app.register(exportRoutes, { prefix: '/api/export' });
  await app.register(dsmbReportRoutes, { prefix: '/api/reports' });
  await app.register(peopleRoutes, { prefix: '/api' });
  await app.register(reviewRoutes, { prefix: '/api/review' });

  if (hasApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      setHeaders(reply, path) {
        // Hashed assets never change; the shell, manifest and service worker must be revalidated.
        if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else reply.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (isApiPath(path)) {
      return sendError(reply, 404, 'not-found', `No API route ${request.method} ${path}.`);
    }
    // SPA fallback: app routes (no file extension) get the shell; the router takes it from there.
    if (hasApp && (request.method === 'GET' || request.method === 'HEAD') && !/\.\w+$/.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, 'not-found', `Nothing at ${path}.`);
  });

  return app;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/**
 * The local AWS emulator: one HTTP server on 127.0.0.1 that answers STS, IAM, Bedrock and
 * Bedrock Runtime as the SDK expects, from a world (the account's data) and a scenario's
 * behaviours (errors and faults). Signatures are not verified.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createH2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { handle, decodeShortTermKey, type EmulatorRequest, type Reply } from './operations.js';
import {
  type AwsErrorSpec,
  decodeQueryForm,
  newRequestId,
  writeError,
  writeJson,
  writeJsonError,
  writeQueryResult,
  writeRaw,
  type HttpResponse,
  type Protocol,
} from './protocols.js';
import { isKnownRestPath, matchRestRoute } from './routes.js';
import { findScenario, type Scenario } from './scenarios.js';
import { isMutating, type AuthKind, type Behaviour, type RecordedRequest, type Service } from './types.js';
import { applyPatch, defaultWorld, DEFAULT_REGION, type World } from './world.js';

export interface Emulator {
  url: string;
  port: number;
  /** Every request received, in arrival order (recorded before any fault or delay). */
  requests: RecordedRequest[];
  /** The most requests it was answering at one time: what a client's concurrency limit allows. */
  readonly peakInFlight: number;
  scenario: Scenario | undefined;
  world: World;
  /** Stops listening and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}

const STS_ACTIONS = /^(GetCallerIdentity|AssumeRole\w*|AssumeRoot|GetSessionToken|GetFederationToken|GetAccessKeyInfo|DecodeAuthorizationMessage|GetWebIdentityToken)$/;

export interface EmulatorOptions {
  /**
   * Text appended to every error message, as a proxy or a careless service that reflects what
   * it was sent: lets a test prove that secrets in error texts never reach the output.
   */
  echo?: string[];
}

export async function startEmulator(scenario?: Scenario | string, options: EmulatorOptions = {}): Promise<Emulator> {
  const chosen = typeof scenario === 'string' ? findScenario(scenario) : scenario;
  if (typeof scenario === 'string' && !chosen) throw new Error(`Unknown emulator scenario: ${scenario}`);
  const world = applyPatch(defaultWorld(), chosen?.world);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const echoed = (error: AwsErrorSpec): AwsErrorSpec => (options.echo?.length ? { ...error, message: `${error.message} ${options.echo.join(' ')}` } : error);
  // How often each behaviour has answered, for those limited by `times`.
  const used = new Map<Behaviour, number>();

  // One port, two protocols: HTTP/1.1 (what the doctor's NodeHttpHandler speaks) and
  // cleartext HTTP/2 with prior knowledge (the Bedrock Runtime client's default handler).
  let inFlight = 0;
  let peakInFlight = 0;
  const onRequest = (req: AnyRequest, res: AnyResponse): void => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    res.once('close', () => inFlight--);
    void serve(req, res).catch(() => destroyRequest(req));
  };
  const http1 = createHttpServer(onRequest);
  const http2 = createH2Server();
  http2.on('request', onRequest);
  http2.on('sessionError', () => undefined);
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (first.subarray(0, H2_PREFACE.length).toString('latin1') === H2_PREFACE) {
        // node:http2 reads the socket's native handle, which has already given up these
        // bytes: hand it a JS stream that replays them instead.
        http2.emit('connection', replaying(socket, first));
      } else {
        socket.unshift(first);
        http1.emit('connection', socket);
        socket.resume();
      }
    });
  });

  async function serve(req: AnyRequest, res: AnyResponse): Promise<void> {
    const body = await readBody(req);
    const parsed = parseRequest(req, body);
    requests.push({
      service: parsed.service,
      operation: parsed.operation,
      method: parsed.method,
      path: parsed.path,
      auth: parsed.auth,
      region: parsed.region,
      mutating: isMutating(parsed.operation),
      params: parsed.params,
      userAgent: String(req.headers['user-agent'] ?? ''),
    });
    const requestId = newRequestId();
    const protocol: Protocol = parsed.service === 'sts' || parsed.service === 'iam' ? 'query' : 'json';
    let behaviour = behaviourFor(chosen, parsed.service, parsed.operation);
    if (behaviour?.times !== undefined) {
      const count = used.get(behaviour) ?? 0;
      used.set(behaviour, count + 1);
      if (count >= behaviour.times) behaviour = undefined;
    }

    if (behaviour && 'delayMs' in behaviour) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, behaviour.delayMs);
        timers.add(timer);
      });
      if (isGone(req)) return;
    }
    if (behaviour && 'fault' in behaviour) return fault(req, res, behaviour.fault, requestId);
    if (behaviour && 'error' in behaviour) return writeError(res, protocol, parsed.service, echoed(behaviour.error), requestId);
    if (behaviour && 'body' in behaviour) {
      return writeReply(req, res, parsed, protocol, { kind: 'result', body: behaviour.body, status: behaviour.status }, requestId);
    }
    const reply = handle(world, parsed);
    writeReply(req, res, parsed, protocol, reply.kind === 'error' ? { ...reply, error: echoed(reply.error) } : reply, requestId);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get peakInFlight() {
      return peakInFlight;
    },
    scenario: chosen,
    world,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      }),
  };
}

function behaviourFor(scenario: Scenario | undefined, service: Service, operation: string): Behaviour | undefined {
  const behaviours = scenario?.behaviours as Record<string, Behaviour> | undefined;
  if (!behaviours) return undefined;
  return behaviours[operation] ?? (service !== 'unknown' ? behaviours[`${service}:*`] : undefined) ?? behaviours['*'];
}

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = (ServerResponse | Http2ServerResponse) & HttpResponse;

/** The first bytes of an HTTP/2 connection with prior knowledge (RFC 9113 §3.4). */
const H2_PREFACE = 'PRI * HTTP/2.0';

function isGone(req: AnyRequest): boolean {
  return 'stream' in req ? req.stream.destroyed : req.socket.destroyed;
}

/** A duplex over `socket` whose readable side starts with `first`. */
function replaying(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => {
      socket.resume();
    },
    write: (chunk: Buffer, _encoding, callback) => {
      socket.write(chunk, (error) => callback(error ?? null));
    },
    final: (callback) => {
      socket.end(() => callback());
    },
    destroy: (error, callback) => {
      socket.destroy();
      callback(error);
    },
  });
  duplex.push(first);
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

/** Drops the connection without an answer: a TCP reset on HTTP/1.1, the session on HTTP/2. */
function destroyRequest(req: AnyRequest): void {
  if ('stream' in req) {
    req.stream.session?.destroy();
    return;
  }
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function fault(req: AnyRequest, res: AnyResponse, kind: 'hang' | 'reset' | 'garbage', requestId: string): void {
  if (kind === 'hang') return; // never answer; close() destroys the socket
  if (kind === 'reset') return destroyRequest(req);
  writeRaw(res, 200, 'text/html', '<html>oops</html>', requestId);
}

function writeReply(req: AnyRequest, res: AnyResponse, parsed: EmulatorRequest, protocol: Protocol, reply: Reply, requestId: string): void {
  switch (reply.kind) {
    case 'fault':
      return fault(req, res, reply.fault, requestId);
    case 'error':
      if (protocol === 'json') return writeJsonError(res, reply.error, requestId, { typeHeader: reply.typeHeader, messageKey: reply.messageKey });
      return writeError(res, protocol, parsed.service, reply.error, requestId);
    case 'result':
      if (protocol === 'query') return writeQueryResult(res, parsed.service, parsed.operation, reply.body, requestId);
      return writeJson(res, reply.status ?? parsed.successStatus ?? 200, reply.body, requestId);
  }
}

// ---------------------------------------------------------------- request parsing

function readBody(req: AnyRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Authorization {
  auth: AuthKind;
  scopeService?: string;
  scopeRegion?: string;
  token?: string;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, ...` or `Bearer TOKEN`. */
function parseAuthorization(header: string | undefined): Authorization {
  if (!header) return { auth: 'none' };
  const bearer = /^Bearer\s+(.*)$/i.exec(header);
  if (bearer) return { auth: 'bearer', token: bearer[1]!.trim() };
  const scope = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header);
  if (scope) return { auth: 'sigv4', scopeRegion: scope[1], scopeService: scope[2] };
  return { auth: 'none' };
}

function parseRequest(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, body: string): EmulatorRequest {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rawPath = url.pathname;
  const authz = parseAuthorization(req.headers.authorization);
  const region = authz.scopeRegion ?? (authz.token ? decodeShortTermKey(authz.token)?.region : undefined) ?? DEFAULT_REGION;
  const contentType = String(req.headers['content-type'] ?? '');
  const looksQuery =
    rawPath === '/' && (contentType.includes('x-www-form-urlencoded') || url.searchParams.has('Action') || /(^|&)Action=/.test(body));

  let service: Service;
  if (authz.scopeService === 'sts' || authz.scopeService === 'iam') service = authz.scopeService;
  else if (authz.scopeService === 'bedrock' || authz.auth !== 'sigv4') service = restService(method, rawPath);
  else service = 'unknown';

  if (looksQuery && (service === 'sts' || service === 'iam' || authz.auth !== 'sigv4')) {
    const params = { ...decodeQueryForm(url.search.slice(1)), ...decodeQueryForm(body) };
    const operation = typeof params.Action === 'string' ? params.Action : 'unknown';
    if (service !== 'sts' && service !== 'iam') service = STS_ACTIONS.test(operation) ? 'sts' : 'iam';
    return { service, operation, method, path: rawPath, auth: authz.auth, region, token: authz.token, params };
  }
  if (service === 'sts' || service === 'iam') {
    return { service, operation: 'unknown', method, path: rawPath, auth: authz.auth, region, token: authz.token, params: {} };
  }

  const route = matchRestRoute(method, rawPath);
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body) {
    try {
      const json: unknown = JSON.parse(body);
      if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(params, json);
      else params.body = json;
    } catch {
      params.body = body;
    }
  }
  Object.assign(params, route?.pathParams);
  if (service === 'unknown' && authz.auth === 'sigv4') {
    return { service, operation: 'unknown', method, path: rawPath, auth: authz.auth, region, token: authz.token, params };
  }
  return {
    service: route?.service ?? service,
    operation: route?.operation ?? 'unknown',
    method,
    path: rawPath,
    auth: authz.auth,
    region,
    token: authz.token,
    params,
    successStatus: route?.status,
  };
}

function restService(method: string, rawPath: string): Service {
  return matchRestRoute(method, rawPath)?.service ?? isKnownRestPath(rawPath) ?? (rawPath === '/' ? 'unknown' : 'bedrock');
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { access, constants, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { skipOutsideCi } from './skip.js';

/**
 * A real nginx for tests and benchmarks that need a static file server (the public bucket a web page fetches
 * from): Debian's package, installed by scripts/ensure-nginx.sh. Always run as the current user with a config
 * of our own in a fresh temp dir; never the system service.
 */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * Why the nginx tests cannot run here, or false when they can. In CI (CI set) it is always false, so a
 * missing nginx fails the run loudly instead of quietly skipping the suite.
 */
export async function nginxSkipReason(): Promise<string | false> {
  try {
    await access(NGINX_PATH, constants.X_OK);
    return false;
  } catch {
    return skipOutsideCi(`nginx not found at ${NGINX_PATH}: run scripts/ensure-nginx.sh (or set NGINX_PATH) to run the nginx tests`);
  }
}

export interface StaticServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Graceful shutdown (SIGQUIT, SIGKILL after 5 s); resolves once nginx has exited and its temp dir is gone. */
  stop(): Promise<void>;
}

export interface StartNginxOptions {
  /** Default: a free port picked by the OS (retried when another process takes it first). */
  port?: number;
  /** Default 1. */
  workerProcesses?: number;
  /** Directives appended verbatim inside the http block. */
  extraHttpConfig?: string;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;
const MAX_OUTPUT_CHARS = 16_000;

/** Masters still running, with their temp dirs; killed and removed when the test process exits without stopping them. */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

/** Serves the files under `root` on 127.0.0.1, with CORS open to every origin. */
export async function startNginx(root: string, options: StartNginxOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  if (!(await stat(rootDir)).isDirectory()) throw new Error(`startNginx: ${rootDir} is not a directory`);
  const workerProcesses = options.workerProcesses ?? 1;
  if (!Number.isInteger(workerProcesses) || workerProcesses < 1) throw new Error(`startNginx: bad workerProcesses ${workerProcesses}`);
  installExitHook();

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const prefix = await mkdtemp(join(tmpdir(), 'breachdesk-nginx-'));
    try {
      await writeFile(join(prefix, 'nginx.conf'), nginxConfig({ prefix, rootDir, port, workerProcesses, extra: options.extraHttpConfig }));
      return await launch(prefix, port);
    } catch (error) {
      await rm(prefix, { recursive: true, force: true });
      const retry = error instanceof PortInUseError && options.port === undefined && attempt < PORT_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

class PortInUseError extends Error {}

function nginxConfig(c: { prefix: string; rootDir: string; port: number; workerProcesses: number; extra: string | undefined }): string {
  const p = (name: string): string => quote(join(c.prefix, name));
  return `# Written by test/support/nginx.ts; every path is inside this directory so that any user can run it.
daemon off;
master_process on;
worker_processes ${c.workerProcesses};
${
  // As root the workers would drop to "nobody", who may not be allowed to read the served files.
  process.getuid?.() === 0 ? 'user root;\n' : ''
}error_log ${p('error.log')};
pid ${p('nginx.pid')};

events {
  worker_connections 1024;
}

http {
  access_log off;
  client_body_temp_path ${p('client_body_temp')};
  proxy_temp_path ${p('proxy_temp')};
  fastcgi_temp_path ${p('fastcgi_temp')};
  uwsgi_temp_path ${p('uwsgi_temp')};
  scgi_temp_path ${p('scgi_temp')};

  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;

  types {
    application/json json;
    application/octet-stream bin;
    text/html html;
    application/javascript js;
  }
  default_type application/octet-stream;

  server {
    listen 127.0.0.1:${c.port};
    root ${quote(c.rootDir)};
    etag on;
    # The bucket's files are fetched cross-origin by a web page; "always" covers error responses too.
    add_header Access-Control-Allow-Origin * always;
  }
${c.extra ? `\n${c.extra}\n` : ''}}
`;
}

/** An nginx string literal; "$" would start a variable and has no escape, so such paths are refused. */
function quote(path: string): string {
  if (/[$"\\\p{Cc}]/u.test(path)) throw new Error(`startNginx: unsupported character in path ${JSON.stringify(path)}`);
  return `"${path}"`;
}

async function launch(prefix: string, port: number): Promise<StaticServer> {
  const errorLog = join(prefix, 'error.log');
  const child = spawn(NGINX_PATH, ['-p', `${prefix}/`, '-e', errorLog, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    if (output.length < MAX_OUTPUT_CHARS) output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // A server the test forgot to stop must not keep the test process alive (the exit hook kills it).
  child.unref();
  (child.stdout as unknown as Socket).unref();
  (child.stderr as unknown as Socket).unref();

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolveExit();
    });
    child.once('error', (error) => {
      spawnError = error;
      resolveExit();
    });
  });
  running.set(child, prefix);

  const diagnostics = async (): Promise<string> => {
    const log = await readFile(errorLog, 'utf8').catch(() => '');
    return [output.trim() && `output:\n${output.trim()}`, log.trim() && `error.log:\n${log.trim().slice(-MAX_OUTPUT_CHARS)}`]
      .filter(Boolean)
      .join('\n');
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw new Error(`could not start ${NGINX_PATH}: ${spawnError.message}`, { cause: spawnError });
    if (exited) {
      const details = await diagnostics();
      const message = `nginx exited during start-up (code ${exited.code}, signal ${exited.signal}) on port ${port}\n${details}`;
      throw /Address already in use/.test(details) ? new PortInUseError(message) : new Error(message);
    }
    // Re-check the exit: another process may own the port nginx failed to bind.
    if ((await answers(port)) && !exited) break;
    if (Date.now() > deadline) {
      await terminate(child, exitPromise, () => exited !== undefined);
      throw new Error(`nginx did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS} ms\n${await diagnostics()}`);
    }
    await sleep(50);
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop() {
      stopping ??= (async () => {
        await terminate(child, exitPromise, () => exited !== undefined || spawnError !== undefined);
        await rm(prefix, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** SIGQUIT (graceful), then SIGKILL to the master and its workers when it has not exited after 5 s. */
async function terminate(child: ChildProcess, exitPromise: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  // Keep the event loop alive until nginx's exit is seen (the child was unref'd at start).
  child.ref();
  child.kill('SIGQUIT');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exitPromise.then(() => false),
    new Promise<boolean>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout(true), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (!timedOut) return;
  // Workers outlive a SIGKILLed master, so find them first.
  const workers = child.pid === undefined ? [] : childPids(child.pid);
  child.kill('SIGKILL');
  for (const pid of workers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await exitPromise;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    // Fast shutdown; the master takes its workers down with it.
    for (const [child, prefix] of running) {
      child.kill('SIGTERM');
      rmSync(prefix, { recursive: true, force: true });
    }
  });
}

/** True when something answers HTTP on the port (any status: the root may have no index). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolveAnswer(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveAnswer(false));
    req.end();
  });
}

/** A port that was free a moment ago; nginx may still lose it to another process, hence the retries. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not read the port of a probe server'));
      });
    });
  });
}

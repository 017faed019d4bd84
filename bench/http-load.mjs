// A small closed-loop HTTP load generator for the benchmarks, run in its own process so that it does not
// share the server's event loop: `concurrency` keep-alive connections, each sending its next request as
// soon as the previous answer is read, for `durationMs` after `warmupMs`. Prints one JSON line.
//   node bench/http-load.mjs '{"url":"http://127.0.0.1:8080/x","method":"POST","bodies":["..."],"paths":["/a","/b"],...}'
import http from 'node:http';

const spec = JSON.parse(process.argv[2]);
const target = new URL(spec.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
const latencies = [];
let requests = 0;
let bytes = 0;
let errors = 0;
let measuring = false;
let stop = false;

function once(i) {
  return new Promise((resolve) => {
    const path = spec.paths ? spec.paths[Math.floor(Math.random() * spec.paths.length)] : target.pathname;
    const body = spec.bodies ? spec.bodies[i % spec.bodies.length] : undefined;
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: spec.method ?? 'GET',
        agent,
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        let n = 0;
        res.on('data', (c) => (n += c.length));
        res.on('end', () => {
          if (measuring) {
            if (res.statusCode !== 200) errors++;
            requests++;
            bytes += n;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          }
          resolve();
        });
      },
    );
    req.on('error', () => {
      if (measuring) errors++;
      resolve();
    });
    if (body) req.write(body);
    req.end();
  });
}

async function loop(worker) {
  let i = worker;
  while (!stop) await once(i++);
}

const loops = Array.from({ length: spec.concurrency }, (_, w) => loop(w));
await new Promise((r) => setTimeout(r, spec.warmupMs ?? 1000));
measuring = true;
const t0 = process.hrtime.bigint();
await new Promise((r) => setTimeout(r, spec.durationMs ?? 5000));
measuring = false;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
stop = true;
await Promise.all(loops);
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ requests, rps: requests / seconds, p50: pct(50), p99: pct(99), bytesPerSecond: bytes / seconds, errors })}\n`,
);

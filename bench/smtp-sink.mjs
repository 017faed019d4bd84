// An SMTP server in a process of its own for the campaign benchmark (bench/campaign.bench.ts): accepts
// every message, discards it, and counts messages and bytes. Started with fork(); it sends { port } once
// listening and answers { type: 'count' } with { messages, bytes, cpuMicros } (its CPU time so far). Its CPU is its own, not the sender's.
import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', (chunk) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      messages++;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.server.address().port });
});

process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m.type === 'count') {
    const cpu = process.cpuUsage();
    process.send({ messages, bytes, cpuMicros: cpu.user + cpu.system });
  } else if (m.type === 'reset') {
    messages = 0;
    bytes = 0;
    process.send({ messages, bytes });
  } else if (m.type === 'close') server.close(() => process.exit(0));
});

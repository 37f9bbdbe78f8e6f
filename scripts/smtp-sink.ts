// A local SMTP server that accepts and discards every message, for benchmarks.
// Started with fork(): it sends {port} to its parent once listening.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  secure: false,
  // smtp-server's built-in certificate has expired; the sink speaks plain SMTP on loopback.
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => callback());
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.server.address() as AddressInfo).port }));

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server accepted. */
export interface Received {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 for tests. STARTTLS is disabled because
 * smtp-server's built-in certificate has expired; tests only.
 */
export async function startSmtpSink(
  options: {
    reject?: (address: string) => boolean;
    delayMs?: number;
    keep?: boolean;
    /**
     * A fault for the message to this address, numbered from 0 in arrival order:
     * `hang` never answers the message (the server goes silent after DATA);
     * `lose-reply` delivers it, then drops the connection before the 250 reply.
     */
    fault?: (address: string, index: number) => 'hang' | 'lose-reply' | undefined;
  } = {},
) {
  const received: Received[] = [];
  let accepted = 0;
  let arrived = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    maxClients: 50,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) {
        const error = Object.assign(new Error(`No such user ${address.address}`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const fault = options.fault?.(to[0]!, arrived++);
        if (fault === 'hang') return;
        if (fault === 'lose-reply') {
          accepted++;
          received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
          const connection = [...(server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections].find(
            (c) => c.id === session.id,
          );
          connection?._socket.destroy();
          return;
        }
        const finish = () => {
          accepted++;
          if (options.keep !== false) received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  // A client killed mid-message (the kill -9 test) resets its socket; that is expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    accepted: () => accepted,
    // Hung sessions would hold close() open: they are cut first.
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) c._socket.destroy();
        server.close(() => resolve());
      }),
  };
}

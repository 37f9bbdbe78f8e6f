import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { noticesDocSchema } from '../api/api-schemas.ts';

/** The notices document the site publishes at /api/v1/notices.json. */
export type NoticeFeed = z.output<typeof noticesDocSchema>;

/** How long fetching the notices document may take, start to end. */
export const DEFAULT_FEED_TIMEOUT_MS = 30_000;

/**
 * Reads the notices document from a file or an http(s) URL and checks it
 * against its schema, so the job never works from a document it misreads.
 */
export async function readNoticeFeed(location: string, options: { timeoutMs?: number } = {}): Promise<NoticeFeed> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  let text: string;
  try {
    if (/^https?:\/\//.test(location)) {
      // One deadline for the whole document: a server that stalls before the headers or mid-body costs at most this.
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(location, { signal });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
      text = await response.text();
    } else {
      text = readFileSync(location, 'utf8');
    }
  } catch (error) {
    const { name, message, cause } = error as Error & { cause?: Error };
    const seconds = timeoutMs / 1000;
    const why =
      name === 'TimeoutError'
        ? `no complete answer within ${seconds} second${seconds === 1 ? '' : 's'} (--feed-timeout)`
        : message === 'terminated'
          ? 'the connection closed before the whole document arrived'
          : message === 'fetch failed' && cause
            ? cause.message
            : message.replace(/^ENOENT: /, '');
    throw new Error(`Cannot read the notices feed ${location}: ${why}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The notices feed ${location} is not JSON: ${(error as Error).message}.`);
  }
  const parsed = noticesDocSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 12).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`The notices feed ${location} does not match the notices schema (/api/v1/schemas/notices.schema.json):\n${problems.join('\n')}`);
  }
  return parsed.data;
}

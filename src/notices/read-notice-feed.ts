import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { noticesDocSchema } from '../api/api-schemas.ts';

/** The notices document the site publishes at /api/v1/notices.json. */
export type NoticeFeed = z.output<typeof noticesDocSchema>;

/**
 * Reads the notices document from a file or an http(s) URL and checks it
 * against its schema, so the job never works from a document it misreads.
 */
export async function readNoticeFeed(location: string): Promise<NoticeFeed> {
  let text: string;
  try {
    if (/^https?:\/\//.test(location)) {
      const response = await fetch(location);
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
      text = await response.text();
    } else {
      text = readFileSync(location, 'utf8');
    }
  } catch (error) {
    throw new Error(`Cannot read the notices feed ${location}: ${(error as Error).message.replace(/^ENOENT: /, '')}.`);
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

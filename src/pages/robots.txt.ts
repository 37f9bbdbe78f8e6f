// Crawlers may read every public page; a preview build with drafts is closed to them.
import { getSiteModel } from '../site/site-model.ts';
import { absolute } from '../site/urls.ts';

export function GET(): Response {
  const { drafts } = getSiteModel();
  const body = drafts ? 'User-agent: *\nDisallow: /\n' : `User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap-index.xml')}\n`;
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

import { siteConfig } from '../config.ts';

// A host as siteConfig.imageHosts gives it: "images.example.com", "*.cdn.example.com",
// optionally with https:// and a port. Anything else (a space, ";", a quote) could
// smuggle another directive into the policy, so it stops the build.
const HOST = /^(?:https:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?$/i;

/**
 * The Content-Security-Policy of every page, sent as a `<meta http-equiv>`
 * because the site is static files on any host. Pages ship no script, so none
 * may run; styles come only from the site's own stylesheet (Astro is set never
 * to inline it), so an injected `<style>` or `style=""` is inert; images come
 * from the site or the configured image hosts. (`frame-ancestors` is ignored
 * in a meta tag; a host that can send headers should add it.)
 *
 * A page that demonstrates the site's own embeddable module (`scripts`) may
 * load scripts from the site and fetch from it, and nothing else.
 *
 * @throws {Error} when an image host is not a plain host name.
 */
export function contentSecurityPolicy(imageHosts: readonly string[] = siteConfig.imageHosts, options: { scripts?: boolean } = {}): string {
  const hosts = imageHosts.map((host) => {
    if (!HOST.test(host))
      throw new Error(`siteConfig.imageHosts has "${host}", which is not a host name. Write it as images.example.com (https only), without a path.`);
    return host.startsWith('https://') ? host.toLowerCase() : `https://${host.toLowerCase()}`;
  });
  return [
    "default-src 'none'",
    options.scripts ? "script-src 'self'" : "script-src 'none'",
    ...(options.scripts ? ["connect-src 'self'"] : []),
    "style-src 'self'",
    ['img-src', "'self'", ...hosts].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

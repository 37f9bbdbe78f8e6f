// @ts-check
/*
 * <policy-notice policy="privacy" lang="es">: an announced policy change, read from this module's site
 * (or `src`). Its JSON is checked and its texts set as text, never HTML: anything wrong shows nothing.
 * A constructed stylesheet is not blocked by a host's `style-src 'none'`.
 */

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host{display:block}
:host([hidden]){display:none}
:host(:focus){outline:none}
.box{--bg:#fff8e1;--fg:#1f2328;--link:#0a4a9e;--edge:#8a5a00;margin:0 0 1rem;padding:.75rem 1rem;border:1px solid var(--edge);border-inline-start-width:.375rem;border-radius:.375rem;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,sans-serif}
@media (prefers-color-scheme:dark){.box{--bg:#2b2312;--fg:#f3f4f6;--link:#9ccbff;--edge:#e0a526}}
p,ul{margin:0 0 .5rem}
ul{padding-inline-start:1.25rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0}
a{color:var(--link)}
button{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:.25rem;padding:.125rem .625rem;cursor:pointer}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
`);

// This page view's dismissals, for when localStorage throws (privacy mode, sandboxed frames).
const dismissed = new Set();
// Tells the page's other elements, as `storage` tells other tabs, that a notice was dismissed.
const DISMISS = 'policy-notice:dismiss';
// The reader's day in UTC, as the site reads dates.
const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param {unknown} ok
 * @returns {asserts ok}
 */
function must(ok) {
  if (!ok) throw new TypeError();
}

/** @param {unknown} value */
function text(value) {
  must(typeof value === 'string' && value);
  return value;
}

/** @param {unknown} value a real YYYY-MM-DD (2026-13-45 throws, 2026-02-30 rolls over) */
function day(value) {
  const date = text(value);
  must(/^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(date).toISOString().startsWith(date));
}

/**
 * The reader's language (es_CO is es-CO) against the notice's: exact, then by primary subtag, then its first.
 * @param {string} wanted
 * @param {string[]} available
 */
function pickLocale(wanted, available) {
  const tag = (/** @type {string} */ l) => l.toLowerCase().replaceAll('_', '-');
  const primary = (/** @type {string} */ l) => tag(l).split('-')[0];
  return available.find((l) => tag(l) === tag(wanted)) ?? available.find((l) => primary(l) === primary(wanted)) ?? available[0];
}

/**
 * @param {string} tag
 * @param {Record<string, string>} attributes
 * @param {(Node | string)[]} content
 */
function h(tag, attributes, ...content) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...content);
  return node;
}

class PolicyNotice extends HTMLElement {
  static observedAttributes = ['policy', 'src', 'lang', 'editorial'];

  #request = 0;
  /** @type {AbortController | undefined} */
  #shown;

  connectedCallback() {
    this.attributeChangedCallback();
  }

  disconnectedCallback() {
    this.#shown?.abort();
  }

  attributeChangedCallback() {
    void this.#load();
  }

  async #load() {
    // Only the latest call goes on, connected: parsing sets several attributes and then connects, for one fetch.
    const request = ++this.#request;
    const stale = () => request !== this.#request || !this.isConnected;
    await null;
    if (stale()) return;
    const src = this.getAttribute('src');
    /** @type {any} */
    let notice;
    let origin = '';
    try {
      // `src` is the host page's address; `policy` is this site's.
      const url = src
        ? new URL(src, document.baseURI)
        : new URL(`/api/v1/policies/${encodeURIComponent(text(this.getAttribute('policy')))}/notice.json`, import.meta.url);
      const response = await fetch(url, { credentials: 'omit' });
      must(response.ok);
      notice = (await response.json()).notice;
      origin = url.origin;
    } catch {}
    if (stale()) return;
    this.#shown?.abort();
    try {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.replaceChildren();
      // Each check throws before anything is shown. Two sites can have the same ids.
      const { locales, material } = notice;
      const key = `policy-notice:dismissed:${origin}/${text(notice.id)}`;
      day(notice.announced);
      day(notice.effective);
      must(typeof material === 'boolean' && typeof locales === 'object' && locales && !Array.isArray(locales));
      if (today() >= notice.effective || (!material && !this.hasAttribute('editorial')) || dismissed.has(key)) return;
      try {
        if (localStorage.getItem(key) !== null) return;
      } catch {}
      const locale = text(
        pickLocale(
          this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang,
          Object.keys(locales).filter((l) => l !== '__proto__'),
        ),
      );
      const t = locales[locale];
      must(Array.isArray(t.events));
      // A huge list must not hold the page up.
      const events = t.events.slice(0, 20).map((/** @type {unknown} */ event) => h('li', {}, text(event)));
      const actions = [];
      for (const [href, label] of [
        [t.versionUrl, t.readLabel],
        [t.redlineUrl, t.diffLabel],
      ]) {
        // Only an absolute http(s) URL is a link: no javascript:, data: or relative one, and no dead link.
        let url;
        try {
          url = new URL(href);
        } catch {}
        if (url && /^https?:$/.test(url.protocol)) actions.push(h('a', { href: url.href }, text(label)));
      }
      const button = h('button', { type: 'button' }, text(t.dismissLabel));
      button.addEventListener('click', () => {
        dismissed.add(key);
        try {
          localStorage.setItem(key, today());
        } catch {}
        dispatchEvent(new CustomEvent(DISMISS, { detail: key }));
      });
      const box = h(
        'div',
        { class: 'box', role: 'region', 'aria-label': text(t.regionLabel), lang: locale },
        h('p', {}, h('strong', {}, text(t.heading))),
        h('p', {}, text(t.summary)),
        ...(events.length ? [h('ul', {}, ...events)] : []),
        h('p', { class: 'actions' }, ...actions, button),
      );
      const { signal } = (this.#shown = new AbortController());
      const hide = (/** @type {any} */ event) => {
        if ((event.detail ?? event.key) !== key) return;
        this.#shown?.abort();
        const hadFocus = root.activeElement !== null;
        root.replaceChildren();
        // Keep the reader's place at the element, not at the top of the page.
        if (hadFocus) {
          if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
          this.focus();
        }
      };
      addEventListener(DISMISS, hide, { signal });
      addEventListener('storage', hide, { signal });
      root.append(box);
    } catch {
      // Malformed (nothing was appended), or the host's own closed shadow root.
    }
  }
}

if (!customElements.get('policy-notice')) customElements.define('policy-notice', PolicyNotice);

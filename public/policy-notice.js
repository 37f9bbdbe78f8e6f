// @ts-check
/*
 * <policy-notice policy="privacy" lang="es">: the in-app notice of an announced
 * policy change, read from this module's site (or `src`). Texts come from pull
 * requests, so they are set as text, never HTML. A constructed stylesheet is
 * not blocked by a host's `style-src 'none'`. Any failure shows nothing.
 */

/** @typedef {{title: string, summary: string, events: string[], redlineUrl: string, versionUrl: string, heading: string, readLabel: string, diffLabel: string, dismissLabel: string, regionLabel: string}} NoticeText */
/** @typedef {{id: string, effective: string, material: boolean, locales: Record<string, NoticeText>}} Notice */

const CSS = `
:host{display:block}
:host([hidden]){display:none}
:host(:focus){outline:none}
.box{--bg:#fff8e1;--fg:#1f2328;--link:#0a4a9e;--edge:#8a5a00;margin:0 0 1rem;padding:.75rem 1rem;border:1px solid var(--edge);border-inline-start-width:.375rem;border-radius:.375rem;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,sans-serif}
@media (prefers-color-scheme:dark){.box{--bg:#2b2312;--fg:#f3f4f6;--link:#9ccbff;--edge:#e0a526}}
p,ul{margin:0 0 .5rem}
ul{padding-inline-start:1.25rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0}
a{color:var(--link);text-decoration:underline}
button{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:.25rem;padding:.125rem .625rem;cursor:pointer}
a:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
`;

/** @type {CSSStyleSheet | undefined} */
let sheet;
// Dismissals of this page view, for when localStorage is unavailable (privacy mode, sandboxed frames).
const dismissed = new Set();
const storageKey = (/** @type {string} */ id) => `policy-notice:dismissed:${id}`;

/** @param {string} id */
function isDismissed(id) {
  if (dismissed.has(id)) return true;
  try {
    return localStorage.getItem(storageKey(id)) !== null;
  } catch {
    return false;
  }
}

/** @param {string} id */
function dismiss(id) {
  dismissed.add(id);
  try {
    localStorage.setItem(storageKey(id), new Date().toISOString().slice(0, 10));
  } catch {
    // Remembered for this page view only.
  }
}

/**
 * The reader's language matched against the notice's: exact, then by primary subtag, then its first.
 * @param {string} wanted
 * @param {string[]} available
 */
function pickLocale(wanted, available) {
  const lower = wanted.toLowerCase();
  const primary = lower.split('-')[0];
  return (
    available.find((l) => l.toLowerCase() === lower) ??
    available.find((l) => l.toLowerCase() === primary) ??
    available.find((l) => l.toLowerCase().split('-')[0] === primary) ??
    available[0]
  );
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [text]
 */
function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The `<policy-notice>` element. */
class PolicyNotice extends HTMLElement {
  static observedAttributes = ['policy', 'src', 'lang', 'editorial'];

  #request = 0;
  #queued = false;

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  // Parsing sets several attributes and then connects: one fetch for all of them.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) void this.#load();
    });
  }

  async #load() {
    const request = ++this.#request;
    const policy = this.getAttribute('policy');
    const src = this.getAttribute('src') || (policy && `/api/v1/policies/${encodeURIComponent(policy)}/notice.json`);
    /** @type {Notice | null} */
    let notice = null;
    try {
      if (src) {
        const response = await fetch(new URL(src, import.meta.url), { mode: 'cors', credentials: 'omit' });
        if (response.ok) notice = (await response.json()).notice;
      }
    } catch {
      // Offline, blocked or not JSON: a notice that cannot be read is not shown.
    }
    // A later attribute change started a newer request.
    if (request === this.#request) this.#render(notice);
  }

  /** @param {Notice | null} notice */
  #render(notice) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren();
    if (!notice?.locales || typeof notice.id !== 'string' || typeof notice.effective !== 'string') return;
    if (!notice.material && !this.hasAttribute('editorial')) return;
    // The reader's calendar day in UTC, the way the site's dates are read: from the effective date on, the new version is in force.
    if (new Date().toISOString().slice(0, 10) >= notice.effective || isDismissed(notice.id)) return;
    const locales = Object.keys(notice.locales);
    const locale = pickLocale(
      this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang,
      locales,
    );
    const text = locale && notice.locales[locale];
    if (!text) return;

    const box = el('div');
    box.className = 'box';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', text.regionLabel);
    box.lang = locale;
    const heading = el('p');
    heading.append(el('strong', text.heading));
    box.append(heading, el('p', text.summary));
    if (Array.isArray(text.events) && text.events.length) {
      const list = el('ul');
      for (const event of text.events) list.append(el('li', String(event)));
      box.append(list);
    }
    const actions = el('p');
    actions.className = 'actions';
    for (const [href, label] of [
      [text.versionUrl, text.readLabel],
      [text.redlineUrl, text.diffLabel],
    ]) {
      const link = el('a', label);
      // Only web links: a javascript: URL in the document must not become one the reader can click.
      if (/^https?:/i.test(href)) link.href = href;
      actions.append(link);
    }
    const button = el('button', text.dismissLabel);
    button.type = 'button';
    button.addEventListener('click', () => {
      const hadFocus = root.activeElement !== null;
      dismiss(notice.id);
      root.replaceChildren();
      // The focused button is gone: keep the reader's place at the element, not at the top of the page.
      if (hadFocus) {
        if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
        this.focus();
      }
    });
    actions.append(button);
    box.append(actions);
    root.append(box);
  }
}

if (!customElements.get('policy-notice')) customElements.define('policy-notice', PolicyNotice);

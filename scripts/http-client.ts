// A browser without JavaScript, in a few lines: a cookie jar, redirects followed by hand, and
// forms posted from the server-rendered HTML exactly as a browser would post them (hidden fields,
// checked boxes, selected options, the clicked button). Every form in the app works this way
// (progressive enhancement), server actions included: Next renders their hidden $ACTION_ fields.
// Used by the several-servers test (tests/servers) and the soak bench (scripts/bench/soak.ts),
// which drive production servers over HTTP. No HTML library: React's output is regular enough,
// and parseForms has its own test.

export type FormButton = { label: string; name?: string; value?: string; formAction?: string };
export type FormControl =
  | { kind: "field"; name: string; value: string; type: string; disabled: boolean }
  | { kind: "check"; name: string; value: string; type: "checkbox" | "radio"; checked: boolean; disabled: boolean }
  | { kind: "select"; name: string; options: string[]; selected: string[]; multiple: boolean; disabled: boolean };
export type HtmlForm = { action: string | null; method: string; controls: FormControl[]; buttons: FormButton[]; text: string };
export type Page = { status: number; url: string; html: string; headers: Headers };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/** Visible text of an HTML fragment: tags, scripts and styles out, entities decoded, spaces collapsed. */
export const textOf = (html: string) =>
  decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<\s*[\w-]+/, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every <form> in the page, with its controls in document order. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const a = attrs(m[0].slice(0, m[0].indexOf(">") + 1));
    const inner = m[1]!;
    const controls: FormControl[] = [];
    const buttons: FormButton[] = [];
    const tags = /<(input)\b[^>]*>|<(select)\b[^>]*>([\s\S]*?)<\/select>|<(textarea)\b[^>]*>([\s\S]*?)<\/textarea>|<(button)\b[^>]*>([\s\S]*?)<\/button>/gi;
    for (const t of inner.matchAll(tags)) {
      const open = t[0].slice(0, t[0].indexOf(">") + 1);
      const at = attrs(open);
      const disabled = "disabled" in at;
      if (t[1]) {
        const type = (at.type ?? "text").toLowerCase();
        if (type === "submit" || type === "image") {
          buttons.push({ label: at.value ?? "", name: at.name, value: at.value, formAction: at.formaction });
          continue;
        }
        if (!at.name || type === "button" || type === "reset" || type === "file") continue;
        if (type === "checkbox" || type === "radio") controls.push({ kind: "check", name: at.name, value: at.value ?? "on", type, checked: "checked" in at, disabled });
        else controls.push({ kind: "field", name: at.name, value: at.value ?? "", type, disabled });
      } else if (t[2]) {
        if (!at.name) continue;
        const options: string[] = [];
        const selected: string[] = [];
        for (const o of t[3]!.matchAll(/<option\b[^>]*>([\s\S]*?)<\/option>/gi)) {
          const oa = attrs(o[0].slice(0, o[0].indexOf(">") + 1));
          const value = oa.value ?? textOf(o[1]!);
          options.push(value);
          if ("selected" in oa) selected.push(value);
        }
        controls.push({ kind: "select", name: at.name, options, selected, multiple: "multiple" in at, disabled });
      } else if (t[4]) {
        if (at.name) controls.push({ kind: "field", name: at.name, value: decodeEntities(t[5]!.replace(/^\n/, "")), type: "textarea", disabled });
      } else if (t[6]) {
        const type = (at.type ?? "submit").toLowerCase();
        if (type === "submit") buttons.push({ label: textOf(t[7]!), name: at.name, value: at.value, formAction: at.formaction });
      }
    }
    forms.push({ action: "action" in a ? a.action! : null, method: (a.method ?? "get").toLowerCase(), controls, buttons, text: textOf(inner) });
  }
  return forms;
}

/**
 * What the browser would post: each enabled control's current value(s), then the clicked button.
 * `fill` replaces every entry of a name (an array posts the name once per item; for a checkbox or
 * radio group, the values to tick); names the form does not have are added, as a script would.
 */
export function formEntries(form: HtmlForm, button: FormButton | undefined, fill: Record<string, string | string[]> = {}): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const filled = new Set<string>();
  const push = (name: string) => {
    if (filled.has(name)) return;
    filled.add(name);
    const v = fill[name]!;
    for (const x of Array.isArray(v) ? v : [v]) out.push([name, x]);
  };
  for (const c of form.controls) {
    if (c.disabled) continue;
    if (c.name in fill) {
      push(c.name);
      continue;
    }
    if (c.kind === "field") out.push([c.name, c.value]);
    else if (c.kind === "check") {
      if (c.checked) out.push([c.name, c.value]);
    } else {
      const chosen = c.selected.length ? c.selected : c.multiple ? [] : c.options.slice(0, 1);
      for (const v of chosen) out.push([c.name, v]);
    }
  }
  for (const name of Object.keys(fill)) push(name);
  if (button?.name) out.push([button.name, button.value ?? ""]);
  return out;
}

export class HttpError extends Error {}

const staleConnection = (err: unknown) => {
  const code = (err as { cause?: { code?: string } }).cause?.code;
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE";
};

/** The RSC payload Next streams into the page (self.__next_f.push([1, "…"]) chunks), unescaped. */
export function flightPayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) out += JSON.parse(m[1]!) as string;
  return out;
}

/**
 * One visitor: its own cookies, and the client address its requests come from (sent as
 * X-Forwarded-For, which the app server believes only with TRUSTED_PROXY_HOPS=1: a test plays
 * the proxy, so each visitor can have its own rate-limit bucket as phones on different networks do).
 */
export class HttpClient {
  constructor(
    public base: string,
    private opts: { address?: string; userAgent?: string; observe?: (r: { method: string; path: string; status: number; ms: number }) => void } = {},
    readonly cookies = new Map<string, string>(),
  ) {}

  private headers(extra: Record<string, string> = {}) {
    const h: Record<string, string> = { "user-agent": this.opts.userAgent ?? "loadwise-http-client", ...extra };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (this.opts.address) h["x-forwarded-for"] = this.opts.address;
    return h;
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...rest] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = rest.some((r) => /^\s*max-age=0\s*$/i.test(r) || (/^\s*expires=/i.test(r) && Date.parse(r.split("=")[1]!) < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request, no redirect followed: the raw answer, its cookies kept. */
  async raw(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(path, this.base);
    const method = init.method ?? "GET";
    const started = performance.now();
    const send = () => fetch(url, { method, body: init.body, headers: this.headers(init.headers), redirect: "manual" });
    let res: Response;
    try {
      res = await send();
    } catch (err) {
      // A kept-alive connection that the server closed while it sat idle fails the next request
      // sent on it. A browser retries that request on a new connection; so does this, for a GET
      // (which changes nothing), never for a POST.
      if (method !== "GET" || !staleConnection(err)) throw err;
      res = await send();
    }
    // Time to the response head: what a load test counts (the body is read by the caller).
    this.opts.observe?.({ method, path: url.pathname, status: res.status, ms: performance.now() - started });
    this.keep(res);
    return res;
  }

  /** GET, following redirects (at most 10) as a browser would. */
  async get(path: string): Promise<Page> {
    return this.follow(await this.raw(path), new URL(path, this.base).href);
  }

  private async follow(first: Response, url: string): Promise<Page> {
    let res = first;
    let at = url;
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.headers.get("location"); hops++) {
      if (hops >= 10) throw new HttpError(`too many redirects from ${url}`);
      await res.arrayBuffer();
      at = new URL(res.headers.get("location")!, at).href;
      res = await this.raw(at);
    }
    return { status: res.status, url: at, html: await res.text(), headers: res.headers };
  }

  /**
   * Finds the form whose submit button's label matches `button` (the first, or the one with the
   * `where` values) and posts it as the browser would (multipart, like Next's no-JavaScript
   * server-action forms; a GET form as a query string), following the redirect.
   */
  async submit(page: Page, button: string | RegExp, fill: Record<string, string | string[]> = {}, opts: { where?: Record<string, string> } = {}): Promise<Page> {
    const match = (label: string) => (typeof button === "string" ? label === button : button.test(label));
    // `where`: the form that carries these (hidden) values, e.g. the row of one user.
    const has = (f: HtmlForm) => Object.entries(opts.where ?? {}).every(([k, v]) => f.controls.some((c) => c.name === k && c.kind === "field" && c.value === v));
    const forms = parseForms(page.html).filter(has);
    const form = forms.find((f) => f.buttons.some((b) => match(b.label)));
    if (!form) throw new HttpError(`no form with a "${String(button)}" button at ${page.url} (status ${page.status}): ${textOf(page.html).slice(0, 300)}`);
    const clicked = form.buttons.find((b) => match(b.label))!;
    const entries = formEntries(form, clicked, fill);
    const target = new URL(clicked.formAction || form.action || page.url, page.url).href;
    if (form.method === "get") {
      const url = new URL(target);
      url.search = new URLSearchParams(entries).toString();
      return this.get(url.href);
    }
    const body = new FormData();
    for (const [k, v] of entries) body.append(k, v);
    const res = await this.raw(target, { method: "POST", body, headers: { origin: new URL(this.base).origin } });
    return this.follow(res, target);
  }

  /**
   * Calls a server action the way the page's own script would (a form whose submit goes through
   * a client-side wrapper has no no-JavaScript path): the action id from the page's RSC payload
   * (`prop` is the client component prop naming it, e.g. "publish"), the form's fields encoded as
   * React's reply format ([previous state, FormData], the FormData's entries under "_1_", as React 19.3 writes it).
   * Returns the raw RSC answer, which carries the action's returned state.
   */
  async callAction(page: Page, prop: string, fields: Array<[string, string]>): Promise<{ status: number; body: string }> {
    const payload = flightPayload(page.html);
    const ref = new RegExp(`"${prop}":"\\$h([0-9a-f]+)"`).exec(payload)?.[1];
    const id = ref && new RegExp(`(?:^|\\n)${ref}:\\{"id":"([0-9a-f]+)"`).exec(payload)?.[1];
    if (!id) throw new HttpError(`no server action "${prop}" in the page at ${page.url}`);
    const body = new FormData();
    for (const [k, v] of fields) body.append(`_1_${k}`, v);
    body.append("0", JSON.stringify([null, "$K1"]));
    const res = await this.raw(page.url, { method: "POST", body, headers: { "next-action": id, accept: "text/x-component", origin: new URL(this.base).origin } });
    return { status: res.status, body: await res.text() };
  }

  /**
   * Signs in through Auth.js's own endpoints (as the e2e fixtures do). Returns null when signed
   * in, else the error code Auth.js redirected with ("credentials", "locked", "rate_limited", …).
   */
  async signIn(email: string, password: string): Promise<string | null> {
    const csrfRes = await this.raw("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await this.raw("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(this.base).origin },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/patients" }).toString(),
    });
    await res.arrayBuffer();
    const location = res.headers.get("location") ?? "";
    if (res.status !== 302) throw new HttpError(`sign-in answered ${res.status}`);
    const url = new URL(location, this.base);
    if (!url.searchParams.has("error")) return this.cookies.has("authjs.session-token") ? null : "no-cookie";
    return url.searchParams.get("code") ?? url.searchParams.get("error") ?? "error";
  }

  /**
   * The same visitor on another app server, as a load balancer would send it there: the cookie
   * jar is shared, or with `copy` taken as it is now (a token someone kept after signing out).
   */
  on(base: string, opts: { copy?: boolean } = {}): HttpClient {
    return new HttpClient(base, this.opts, opts.copy ? new Map(this.cookies) : this.cookies);
  }
}

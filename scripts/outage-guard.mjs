// A 500 while the database is unreachable is not "something broke": it is an outage, and the
// user should get a plain 503 ("try again in a moment") with Retry-After. Pages cannot choose
// their status, so the app server decides here: a response about to go out as 5xx is held, the
// database is probed (the app registers the probe on globalThis), and if it cannot be reached the
// held response is replaced. Otherwise the original goes out untouched.

const RETRY_AFTER_SECONDS = 5;
const MESSAGE = "Loadwise can't reach its database. Nothing you entered was lost; try again in a moment.";

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Loadwise is unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#0f172a"><main><h1 style="font-size:1.5rem">Loadwise can't reach its database</h1><p>Nothing you entered was lost. Please try again in a moment.</p><p><a href="">Try again</a></p></main></body></html>`;

function sendUnavailable(req, res, orig) {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const api = (req.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code: "unavailable:database", message: MESSAGE } }) : page;
  orig.writeHead.call(res, 503, {
    "content-type": api ? "application/json" : "text/html; charset=utf-8",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  orig.end.call(res, body);
}

/** Wraps one response; call before handing the request to Next. */
export function guardDatabaseOutage(req, res) {
  const orig = { writeHead: res.writeHead, write: res.write, end: res.end };
  let held = null; // { head, chunks } once a 5xx is seen
  let decided = false;
  const holding = () => !decided && (held !== null || res.statusCode >= 500);

  res.writeHead = function (status, ...rest) {
    if (!decided && status >= 500) {
      held ??= { head: null, chunks: [] };
      held.head = [status, ...rest];
      res.statusCode = status;
      return res;
    }
    return orig.writeHead.call(res, status, ...rest);
  };
  res.write = function (...args) {
    if (!holding()) return orig.write.apply(res, args);
    held ??= { head: null, chunks: [] };
    held.chunks.push(args);
    return true;
  };
  res.end = function (...args) {
    if (!holding()) return orig.end.apply(res, args);
    held ??= { head: null, chunks: [] };
    decided = true;
    const probe = globalThis.__loadwiseDbProbe;
    Promise.resolve(probe ? probe() : true)
      .catch(() => false)
      .then((reachable) => {
        Object.assign(res, orig);
        if (!reachable) return sendUnavailable(req, res, orig);
        if (held.head) orig.writeHead.apply(res, held.head);
        for (const chunk of held.chunks) orig.write.apply(res, chunk);
        orig.end.apply(res, args);
      });
    return res;
  };
}

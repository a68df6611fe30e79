// HTML of the emulated CCP page (/ccp-v2/) and its sibling pages. Rendered per request because
// the fault modes (query parameters and /control/faults) change what the page does.

const escapeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Fault names accepted as query parameters on /ccp-v2/ and as JSON on POST /control/faults. */
export function faultsFromQuery(searchParams) {
    const flag = (name) => ['1', 'true', ''].includes(searchParams.get(name) ?? 'absent');
    const faults = {};
    if (flag('authFail')) faults.authFail = true;
    if (flag('earlyAck')) faults.earlyAck = true;
    if (flag('dead')) faults.dead = true;
    const slow = Number(searchParams.get('slow'));
    if (Number.isFinite(slow) && slow > 0) faults.slowMs = slow;
    return faults;
}

/**
 * The CCP page. `boot` is what ccp.js needs: the auth token the page was issued (the real CCP gets
 * one from its login session and hands it to its SharedWorker in CONFIGURE, see
 * `connect.core.initSharedWorker`), the faults, and a page id for logs.
 */
export function renderCcpPage({ boot, faults, loadDelayMs }) {
    // earlyAck: the first `acknowledge` leaves from this inline script at the very top of the document,
    // and a slow image further down holds the `load` event back, so the ack is deterministically
    // posted before the page's (and the parent's iframe) load event. Messages the host sends in
    // reply are buffered until ccp.js takes over. ASSUMPTION: whether the real CCP acks before or
    // after its load event is unknown (see /work/shared/docs/lws.md); the default is after load.
    const earlyAckScript = faults.earlyAck
        ? `<script>
window.__ccpEarlyMessages = [];
window.__ccpEarlyListener = function (event) { window.__ccpEarlyMessages.push(event); };
window.addEventListener('message', window.__ccpEarlyListener);
window.__ccpEarlyAckId = 'early-' + Math.random().toString(36).slice(2);
window.__ccpEarlyAckAt = performance.now();
window.parent.postMessage({ event: 'acknowledge', data: { id: window.__ccpEarlyAckId } }, '*');
</script>`
        : '';
    const slowImage = faults.earlyAck
        ? `<img alt="" width="1" height="1" src="/ccp-v2/slow-resource?ms=${loadDelayMs}">`
        : '';
    // dead: the page loads but never starts the bridge, so nothing is ever acknowledged.
    const bridge = faults.dead
        ? '<!-- dead fault: no bridge, never acknowledges -->'
        : `<script>window.__ccpBoot = ${escapeJson(boot)};</script>
<script src="/ccp-v2/ccp.js"></script>`;
    // The controls: a real <select> with a <label> and real buttons, so a keyboard and Playwright's
    // getByRole('combobox' | 'button', { name }) reach them; ccp-controls.js drives them.
    const controls = faults.dead ? '' : `<script src="/ccp-v2/ccp-controls.js" defer></script>`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${earlyAckScript}
<title>Amazon Connect CCP (local emulator)</title>
${bridge}
${controls}
<link rel="stylesheet" href="/ccp-v2/ccp.css">
</head>
<body>
<main aria-labelledby="ccp-title">
<h1 id="ccp-title">CCP emulator</h1>
<p class="status-line">Agent status: <span id="state">connecting…</span></p>
<div class="field">
<label for="status-menu">Status</label>
<select id="status-menu" aria-describedby="status-hint" disabled></select>
<p id="status-hint" class="hint"></p>
</div>
<section id="contact-panel" class="contact" aria-labelledby="contact" hidden>
<h2 id="contact"></h2>
<p id="contact-detail" class="hint"></p>
<div class="buttons">
<button type="button" id="accept" class="primary" hidden>Accept</button>
<button type="button" id="reject" hidden>Reject</button>
<button type="button" id="hang-up" class="danger" hidden>Hang up</button>
<button type="button" id="close-contact" class="primary" hidden>Close contact</button>
</div>
</section>
<p id="ccp-message" role="status"></p>
<div class="footer"><button type="button" id="sign-out" disabled>Sign out</button></div>
</main>
${slowImage}
</body>
</html>`;
}

/** What /ccp-v2/ shows after /logout: the real CCP redirects to its login page, which never acks. */
export function renderSignedOutPage() {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body>
<h1>Sign in to Amazon Connect (stand-in)</h1>
<p>Signed out of the Connect stand-in.</p>
<form method="get" action="/login"><button type="submit">Sign in</button></form>
</body>
</html>`;
}

export function renderLoginPage() {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head>
<body><p>Signed in to the Connect stand-in. You can close this window.</p></body>
</html>`;
}

export function renderIndex({ ccpUrl, rtmUrl }) {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connect stand-in</title></head>
<body>
<h1>Connect stand-in (local)</h1>
<ul>
<li>CCP: <a href="${ccpUrl}">${ccpUrl}</a> (faults: ?authFail=1 ?earlyAck=1 ?slow=ms ?dead=1)</li>
<li>Real-time metrics: <a href="${rtmUrl}">${rtmUrl}</a></li>
<li><a href="/connect/state">/connect/state</a> · <a href="/connect/history">/connect/history</a> ·
<a href="/control/config">/control/config</a> · <a href="/control/faults">/control/faults</a></li>
</ul>
</body></html>`;
}

// The real softphone hidden: the compiled component under LWS in the preview, with the local
// presence service at its defaults (threshold 90 s), in a tab hidden behind another with Chromium's
// throttling in force (preview/lib/hidden-tabs.mjs). Records every heartbeat the hidden tab sends
// (CDP request events, which reach the driver whatever the page's timers do) and the Connect
// stand-in's history: a live hidden tab must never be set Offline.
//
//   node experiments/hidden-tab/softphone.mjs [--minutes 31] [--json experiments/hidden-tab/data/softphone.json]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { launchHideableTabs } from '../../preview/lib/hidden-tabs.mjs';
import { startPreview } from '../../preview/start.mjs';
import { createStandInClient } from '../../e2e/lib/stand-in.mjs';
import { waitForSoftphoneReady } from '../../e2e/lib/pages.mjs';

function quantile(sorted, q) {
    return sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] : null;
}

const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '31' }, json: { type: 'string' } }
});
const minutes = Number(values.minutes);
const preview = await startPreview({ port: 0 });
const standIn = createStandInClient(preview.standIn.url);
const tabs = await launchHideableTabs();
const beats = [];
try {
    const page = await tabs.newPage();
    page.on('requestfinished', async (request) => {
        if (request.url().endsWith('/heartbeat')) {
            const response = await request.response();
            beats.push({ at: Date.now(), status: response?.status() ?? null });
        }
    });
    await page.goto(preview.consoleUrl);
    await waitForSoftphoneReady(page);
    await standIn.waitForChangeTo('Available');
    const from = (await standIn.history()).length;
    await tabs.hideAll();
    const hiddenAt = Date.now();
    console.log(`softphone hidden at ${new Date(hiddenAt).toISOString()}; threshold 90 s`);
    const endAt = hiddenAt + minutes * 60000;
    while (Date.now() < endAt) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(60000, endAt - Date.now())));
        const agent = await standIn.agent();
        console.log(
            `${((Date.now() - hiddenAt) / 60000).toFixed(1)} min hidden; ${beats.length} heartbeats; agent ${agent.status}`
        );
    }
    const visibility = await page.evaluate(() => globalThis.document.visibilityState);
    const after = (await standIn.history()).slice(from);
    const times = beats.filter((beat) => beat.at >= hiddenAt).map((beat) => beat.at);
    const gaps = [];
    for (let k = 1; k < times.length; k++) gaps.push(times[k] - times[k - 1]);
    const late = gaps.filter((_, k) => times[k + 1] - hiddenAt > 5 * 60000).sort((a, b) => a - b);
    const result = {
        chromium: tabs.context.browser()?.version() ?? null,
        minutes,
        hiddenAt,
        visibility,
        heartbeats: beats,
        statusChangesWhileHidden: after,
        gapsAfter5MinMs: {
            n: late.length,
            p50: quantile(late, 0.5),
            p95: quantile(late, 0.95),
            max: late.at(-1) ?? null
        }
    };
    console.log(JSON.stringify({ ...result, heartbeats: beats.length }, null, 1));
    if (values.json) {
        await mkdir(dirname(values.json), { recursive: true });
        await writeFile(values.json, JSON.stringify(result, null, 1));
    }
} finally {
    await tabs.context.close().catch(() => {});
    await preview.close();
}

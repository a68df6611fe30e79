// The Markdown table of a benchmark report (bench/results.md, printed, and in the README).

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value) => (value === null || value === undefined ? '–' : String(value));

function latency(summary) {
    return summary.n === 0
        ? '–'
        : `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)} / ${ms(summary.max)}`;
}

function notes(cell) {
    const done = cell.trials - cell.errors;
    const parts = [];
    if (cell.unroutableMs) {
        parts.push(`Offline for p50 ${cell.unroutableMs.p50} / max ${cell.unroutableMs.max} ms`);
    }
    if (cell.pageKeptInCache > 0 && cell.restoredFromCache === undefined) {
        parts.push(`page went into the back/forward cache ${cell.pageKeptInCache}/${done}`);
    }
    if (cell.restoredFromCache !== undefined) {
        parts.push(`restored from the cache ${cell.restoredFromCache}/${done}`);
    }
    if (cell.contactKept !== undefined) {
        parts.push(`contact kept ${cell.contactKept}/${done}`);
    }
    if (cell.moreThanOneOfflineChange) {
        parts.push(`Offline set more than once ${cell.moreThanOneOfflineChange}×`);
    }
    const wrong = Object.entries(cell.wrongFinals).map(([final, count]) => `${final} ×${count}`);
    if (wrong.length > 0) {
        parts.push(`wrong: ${wrong.join(', ')}`);
    }
    const errors = Object.entries(cell.errorMessages).map(([text, count]) => `${text} ×${count}`);
    if (errors.length > 0) {
        parts.push(`errors: ${errors.join('; ')}`);
    }
    return parts.join('; ').replace(/\|/g, '\\|');
}

/** The Value parser's cost, when the run measured it (older results have none). */
function parserRows(parser) {
    if (!parser) {
        return [];
    }
    const row = (label, figure) =>
        `| Value parser, ${label}: ${(figure.chars / 1024).toFixed(0)} KB, ${figure.lines} lines, p50 / p95 of ${figure.runs} parses | ${figure.p50Ms} / ${figure.p95Ms} ms |`;
    return [
        row('unknown-key lines (a suggestion looked up for each)', parser.unknownKeys),
        row('valid lines (each key repeated: duplicate warnings)', parser.validLines)
    ];
}

export function renderMarkdown(report) {
    const { date, run, environment, load, cells } = report;
    const lines = [];
    const kind = run.quick
        ? `**Quick run** (${run.trialsPerCell} trials per cell: checks that the benchmark runs; not the benchmark's figures)`
        : `${run.trialsPerCell} trials per scenario and contender`;
    lines.push(
        `${kind}, ${date.slice(0, 10)}, ${run.durationSeconds} s, ${run.lanes} trial(s) at a time. ` +
            `Chromium ${environment.chromium} headless, amazon-connect-streams ${environment.streams}, ` +
            `@locker/sandbox ${environment.lwsSandbox}, back/forward cache on, ${environment.cpus} CPU cores.`,
        ''
    );
    lines.push(
        '| Scenario | Right final status | Contender | Right | Wrong | Errors | Sent and arrived | pagehide → arrival p50 / p95 / p99 / max (ms) | Notes |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
    );
    for (const cell of cells) {
        const done = cell.trials - cell.errors;
        lines.push(
            `| ${cell.name} | ${cell.expected} | ${cell.contender} | ${cell.right}/${done} | ${cell.wrong} | ${cell.errors} | ` +
                `${cell.sessionEndArrived}/${done} | ${latency(cell.latencyFromPagehideMs)} | ${notes(cell)} |`
        );
    }
    const soql = Object.entries(load.soqlPerApexCall);
    const apex = Object.entries(load.apexCallsPerLoad);
    const soqlPerLoad = apex.reduce(
        (sum, [method, calls]) => sum + (calls.p50 ?? 0) * (load.soqlPerApexCall[method] ?? 0),
        0
    );
    lines.push(
        '',
        "| Load figure (this project's component) | Value |",
        '| --- | --- |',
        `| Component connected → agent Available in Connect, p50 / p95 (${load.connectedToAvailableMs.n} loads${load.errors.length ? `, ${load.errors.length} failed: ${load.errors[0]}` : ''}) | ${ms(load.connectedToAvailableMs.p50)} / ${ms(load.connectedToAvailableMs.p95)} ms |`,
        `| Component code: ${load.component.files.length} deployable .js files, esbuild-minified / gzipped | ${kB(load.component.minified)} / ${kB(load.component.gzipped)} |`,
        `| Streams static resource, raw / gzipped | ${kB(load.streamsResource.raw)} / ${kB(load.streamsResource.gzipped)} |`,
        `| Apex calls per load (median) | ${apex.map(([method, calls]) => `${method} ${calls.p50}`).join(', ') || '–'} |`,
        `| SOQL queries per load | ${soqlPerLoad} (per call: ${soql.map(([method, count]) => `${method} ${count}`).join(', ')}) |`,
        ...parserRows(load.parser),
        ''
    );
    lines.push(
        'Right final status: what the Connect stand-in holds once the trial settles. Latency: from the ' +
            "page's `pagehide` (`performance.timeOrigin + performance.now()`, sent by `sendBeacon`) to " +
            "the stand-in's `arrivedAt` of the session-end request; negative when the request, sent from " +
            '`beforeunload`, arrived before `pagehide` ran. Baseline: the same component with ' +
            '`c/sessionGuard` replaced by one `beforeunload` handler calling `setState(Offline)` through Streams.',
        ''
    );
    return lines.join('\n');
}

// The Value parser's cost (c/featureValueParser, its deployable .js): a Value at the field's limit
// made of unknown-key lines (each one a near-miss the parser looks up a suggestion for), and one
// made of valid lines. Median and p95 of many parses in this Node process, after a warm-up.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build as esbuild } from 'esbuild';
import { PROJECT_ROOT } from '../../preview/build.mjs';

const PARSER = join(
    PROJECT_ROOT,
    'force-app',
    'main',
    'default',
    'lwc',
    'featureValueParser',
    'featureValueParser.js'
);
const VALUE_CHARS = 32 * 1024; // 32 KB, the field's limit (32,768 characters)
const WARM_UP = 50;

async function loadParser() {
    const result = await esbuild({
        entryPoints: [PARSER],
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent'
    });
    const source = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

/** Lines repeated up to the limit, cut at a line end. */
function valueOf(lines) {
    let value = '';
    for (let index = 0; value.length < VALUE_CHARS; index++) {
        value += `${lines[index % lines.length]}\n`;
    }
    return value.slice(0, value.lastIndexOf('\n', VALUE_CHARS));
}

export const PARSER_VALUES = {
    unknownKeys: valueOf(['Stauts:Offline', 'IfCurentAgentState:Available', 'SesionEndTimer:5']),
    validLines: valueOf([
        'Status:Offline',
        'IfCurrentAgentState:Available,Lunch',
        'IfProfileNameIncludes:Sales,Support',
        'SessionEndTimer:5',
        'InitialAgentState:Available'
    ])
};

function quantile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function parserCost(runs) {
    const { parseSessionEndValue } = await loadParser();
    const figures = {};
    for (const [name, value] of Object.entries(PARSER_VALUES)) {
        for (let index = 0; index < WARM_UP; index++) parseSessionEndValue(value);
        const times = [];
        let lines = 0;
        for (let index = 0; index < runs; index++) {
            const started = performance.now();
            const parsed = parseSessionEndValue(value);
            times.push(performance.now() - started);
            lines = parsed.diagnostics.length;
        }
        times.sort((a, b) => a - b);
        figures[name] = {
            chars: value.length,
            lines: value.split('\n').length,
            diagnostics: lines,
            runs,
            p50Ms: Number(quantile(times, 0.5).toFixed(3)),
            p95Ms: Number(quantile(times, 0.95).toFixed(3))
        };
    }
    return figures;
}

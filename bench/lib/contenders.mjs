// The two contenders, each compiled by the preview's own build into a temporary directory
// (preview/.build and force-app are left alone):
// - guard: this project's component as it is in force-app;
// - baseline: the same component with c/sessionGuard replaced by what a plain integration does:
//   a `beforeunload` handler that sets the agent Offline through Streams (agent.setState, via
//   c/streamsClient's setAgentState), nothing else: no initial status, no pagehide, no tabs.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUILD_OPTIONS, buildPreview } from '../../preview/build.mjs';

export const CONTENDERS = Object.freeze(['guard', 'baseline']);

const BASELINE_SESSION_GUARD = `/**
 * Bench baseline: what a plain Streams integration does at session end. One beforeunload handler
 * that sets the agent Offline through Streams; nothing on load, no pagehide, no other tabs.
 */
import type { AgentStateOption, AgentView, SetStateResult } from 'c/streamsClient';

// Only what this baseline uses of the real options; the build strips types and never checks them.
interface BaselineOptions {
    streams: {
        getAgentView(): AgentView | null;
        setAgentState(state: AgentStateOption, enqueueNextState: boolean): SetStateResult;
    };
    target: Window;
}

export const SIGN_OUT_WAIT_MS = 2000;

export function startSessionGuard(options: BaselineOptions) {
    const { streams, target } = options;
    const onBeforeUnload = (): void => {
        const offline = streams.getAgentView()?.states.find((state) => state.type === 'offline');
        if (offline) {
            streams.setAgentState(offline, false);
        }
    };
    target.addEventListener('beforeunload', onBeforeUnload);
    const skipped = (phase: 'initial' | 'sessionEnd') => ({
        at: Date.now(),
        phase,
        action: 'skipped' as const,
        skippedBecause: 'featureOff' as const
    });
    return {
        applyInitialState: () => skipped('initial'),
        endSession: () => skipped('sessionEnd'),
        stop() {
            target.removeEventListener('beforeunload', onBeforeUnload);
        }
    };
}
`;

/** The value names other bundles import from c/sessionGuard (types are erased by the build). */
function valueImportsOfSessionGuard(lwcDir) {
    const names = new Set();
    for (const bundle of readdirSync(lwcDir)) {
        let files;
        try {
            files = readdirSync(join(lwcDir, bundle)).filter((file) => file.endsWith('.ts'));
        } catch {
            continue;
        }
        for (const file of files) {
            const source = readFileSync(join(lwcDir, bundle, file), 'utf8');
            const pattern = /import\s+(?!type\b)\{([^}]*)\}\s+from\s+'c\/sessionGuard'/g;
            for (const match of source.matchAll(pattern)) {
                match[1]
                    .split(',')
                    .map((name) => name.trim())
                    .filter((name) => name && !name.startsWith('type '))
                    .forEach((name) => names.add(name.split(/\s+as\s+/)[0]));
            }
        }
    }
    return names;
}

function copyLwcSources(prefix) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    // The LWC module resolver looks upwards for a package.json to call the project root.
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    const lwcDir = join(dir, 'lwc');
    cpSync(DEFAULT_BUILD_OPTIONS.lwcDir, lwcDir, {
        recursive: true,
        filter: (source) => !source.includes('__tests__')
    });
    return { dir, lwcDir };
}

/**
 * Builds both contenders from one snapshot of force-app's lwc sources.
 * @returns {Promise<{ builds: Record<'guard'|'baseline', { outDir: string }>, remove(): void,
 *   warnings: string[] }>}
 */
export async function buildContenders() {
    const guard = copyLwcSources('bench-guard-');
    const baseline = copyLwcSources('bench-baseline-');
    const remove = () => {
        rmSync(guard.dir, { recursive: true, force: true });
        rmSync(baseline.dir, { recursive: true, force: true });
    };
    try {
        const guardDir = join(baseline.lwcDir, 'sessionGuard');
        writeFileSync(join(guardDir, 'sessionGuard.ts'), BASELINE_SESSION_GUARD);
        rmSync(join(guardDir, 'sessionGuard.js'), { force: true });
        const provided = new Set(['SIGN_OUT_WAIT_MS', 'startSessionGuard']);
        const missing = [...valueImportsOfSessionGuard(baseline.lwcDir)].filter(
            (name) => !provided.has(name)
        );
        if (missing.length > 0) {
            throw new Error(
                `the component now imports ${missing.join(', ')} from c/sessionGuard: ` +
                    'add them to the baseline in bench/lib/contenders.mjs'
            );
        }
        const warnings = [];
        for (const contender of [guard, baseline]) {
            const outDir = join(contender.dir, 'build');
            const built = await buildPreview({ lwcDir: contender.lwcDir, outDir });
            warnings.push(...built.warnings);
            contender.outDir = outDir;
        }
        return {
            builds: { guard: { outDir: guard.outDir }, baseline: { outDir: baseline.outDir } },
            warnings,
            remove
        };
    } catch (error) {
        remove();
        throw error;
    }
}

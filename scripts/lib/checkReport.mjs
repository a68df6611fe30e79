// Collects the problems an offline check finds and prints them as `file:line: message`, so editors
// and CI logs link straight to the spot. A check exits non-zero when it recorded any problem.
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Repo-relative path with forward slashes, for messages. */
export function relative(file) {
    return path.relative(repoRoot, file).split(path.sep).join('/');
}

export function createReport(title) {
    const problems = [];
    console.log(`${title}\n`);
    return {
        /** Records one problem; line (and column) are 1-based and optional. */
        problem(file, line, message, column) {
            const where = [relative(file), line, column].filter((part) => part !== undefined);
            problems.push(`${where.join(':')}: ${message}`);
        },
        /** Prints what a step checked, with its own problems underneath. */
        step(name, detail) {
            console.log(`- ${name}${detail ? `: ${detail}` : ''}`);
        },
        get problemCount() {
            return problems.length;
        },
        /** Prints every problem and sets the exit code. */
        finish() {
            if (problems.length === 0) {
                console.log('\nOK: no problems found.');
                return;
            }
            console.error(`\n${problems.length} problem(s):`);
            for (const line of problems) console.error(`  ${line}`);
            process.exitCode = 1;
        }
    };
}

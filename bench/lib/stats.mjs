// Percentiles by nearest rank: with 100 samples p99 is the 99th smallest, a value that was measured.

/** @param {number[]} values @param {number} p 0–100 */
export function percentile(values, p) {
    if (values.length === 0) {
        return null;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
}

/** p50, p95, p99 and max, rounded to whole milliseconds; nulls without samples. */
export function summarize(values) {
    const round = (value) => (value === null ? null : Math.round(value));
    return {
        n: values.length,
        p50: round(percentile(values, 50)),
        p95: round(percentile(values, 95)),
        p99: round(percentile(values, 99)),
        max: round(values.length ? Math.max(...values) : null)
    };
}

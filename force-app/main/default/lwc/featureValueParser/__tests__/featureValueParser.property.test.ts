// Properties of the Value parser that hold for any string an admin (or a paste) can put in the
// field: it never throws, it never returns settings less safe than the defaults, it stops reading
// at the field's limit with a diagnostic, and its cost grows linearly with the input.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
    SESSION_END_TIMER_MAX_SECONDS,
    VALUE_MAX_LENGTH,
    parseSessionEndValue,
    type ParsedSessionEndValue
} from 'c/featureValueParser';

const RUNS = Number(process.env.PARSER_RUNS ?? 300);
const SEED = Number(process.env.PARSER_SEED ?? 20261201);

/** Pieces that matter to the parser, and anything else (NUL, lone surrogates, BOM, CR, CRLF). */
const piece = fc.oneof(
    fc.constantFrom(
        'Status',
        'status',
        'Stauts',
        'IfProfileNameIncludes',
        'IfCurrentAgentState',
        'InitialAgentState',
        'SessionEndTimer',
        'Logout',
        'Available',
        'Offline',
        '退席中',
        ':',
        '：',
        ';',
        ',',
        ' ',
        '\t',
        '\n',
        '\r',
        '\r\n',
        '\uFEFF',
        '\0',
        '\uD800',
        '\uDC00',
        '-1',
        '5',
        '99999'
    ),
    fc.string({ unit: 'binary', maxLength: 6 })
);
const valueArb = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** A big Value, described small (a head and a size) so that a counterexample prints short. */
const bigValueArb = fc.record({
    head: valueArb,
    size: fc.constantFrom(VALUE_MAX_LENGTH - 1, VALUE_MAX_LENGTH + 1, 100000, 1024 * 1024)
});
function bigValue({ head, size }: { head: string; size: number }): string {
    const unit = head.length > 0 ? head : 'x';
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function expectSafe(parsed: ParsedSessionEndValue): void {
    const { settings, diagnostics } = parsed;
    const status = settings.sessionEndStatus;
    // The session-end status is always set: a built-in, a non-blank name, or Logout.
    expect(['builtin', 'named', 'logout']).toContain(status.kind);
    if (status.kind !== 'logout') {
        expect(status.name.trim()).not.toBe('');
    }
    expect(settings.initialAgentState.kind).not.toBe('logout');
    expect(Number.isInteger(settings.sessionEndTimerSeconds)).toBe(true);
    expect(settings.sessionEndTimerSeconds).toBeGreaterThanOrEqual(0);
    expect(settings.sessionEndTimerSeconds).toBeLessThanOrEqual(SESSION_END_TIMER_MAX_SECONDS);
    for (const list of [settings.profileNameIncludes, settings.currentAgentStates]) {
        list.forEach((item) => expect(item.trim()).not.toBe(''));
    }
    for (const diagnostic of diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.text.length).toBeLessThanOrEqual(80);
        expect(diagnostic.message).toMatch(/^line \d+: /);
    }
}

describe('c-feature-value-parser properties (any string)', () => {
    it('never throws and never returns settings less safe than the defaults', () => {
        fc.assert(
            fc.property(fc.oneof(valueArb, fc.string({ unit: 'binary' })), (value) => {
                expect(() => expectSafe(parseSessionEndValue(value))).not.toThrow();
            }),
            { numRuns: RUNS, seed: SEED }
        );
    });

    it('never throws on inputs up to 1 MB, and stops reading at the field limit with a diagnostic', () => {
        fc.assert(
            fc.property(bigValueArb, (described) => {
                const value = bigValue(described);
                const parsed = parseSessionEndValue(value);
                expectSafe(parsed);
                const tooLong = parsed.diagnostics.filter((d) => d.code === 'valueTooLong');
                expect(tooLong).toHaveLength(value.length > VALUE_MAX_LENGTH ? 1 : 0);
            }),
            { numRuns: Math.max(20, Math.round(RUNS / 10)), seed: SEED }
        );
    });

    it('reads nothing past the limit: what follows it never changes the settings', () => {
        fc.assert(
            fc.property(valueArb, valueArb, valueArb, (head, cut, tail) => {
                const unit = head.length > 0 ? head : 'x';
                const prefix = unit.repeat(Math.ceil(VALUE_MAX_LENGTH / unit.length));
                const atLimit = prefix.slice(0, VALUE_MAX_LENGTH);
                const a = parseSessionEndValue(`${atLimit}${cut}`);
                const b = parseSessionEndValue(
                    `${atLimit}${cut}${tail}Status:Available\nSessionEndTimer:60`
                );
                expect(b.settings).toEqual(a.settings);
            }),
            { numRuns: Math.max(20, Math.round(RUNS / 10)), seed: SEED }
        );
    });

    it('a Value with a BOM, CRLF line ends or NULs reads the same settings as the clean one', () => {
        fc.assert(
            fc.property(
                fc.array(
                    fc.constantFrom(
                        'Status:Lunch',
                        'IfCurrentAgentState:Available,Lunch',
                        'SessionEndTimer:12',
                        'InitialAgentState:退席中',
                        'IfProfileNameIncludes:Sales'
                    ),
                    { maxLength: 5 }
                ),
                fc.constantFrom('\n', '\r\n', '\r'),
                (lines, end) => {
                    const clean = parseSessionEndValue(lines.join('\n'));
                    const messy = parseSessionEndValue(`\uFEFF${lines.join(end)}${end}`);
                    expect(messy.settings).toEqual(clean.settings);
                }
            ),
            { numRuns: RUNS, seed: SEED }
        );
    });

    // Cost as a property: counted, not timed. The parser's work on a Value of n characters is
    // bounded by a constant times n; bench/results.md has the measured figures.
    it('does work linear in the input: doubling the Value at most doubles the lines, settings and diagnostics', () => {
        fc.assert(
            fc.property(valueArb, (head) => {
                const unit = `${head}\n`;
                const small = unit.repeat(Math.max(1, Math.floor(8000 / unit.length)));
                const one = parseSessionEndValue(small);
                const two = parseSessionEndValue(`${small}${small}`);
                expect(two.diagnostics.length).toBeLessThanOrEqual(2 * one.diagnostics.length + 2);
                const size = (p: ParsedSessionEndValue): number =>
                    p.settings.profileNameIncludes.length + p.settings.currentAgentStates.length;
                expect(size(two)).toBeLessThanOrEqual(2 * size(one) + 2);
            }),
            { numRuns: Math.max(20, Math.round(RUNS / 10)), seed: SEED }
        );
    });
});

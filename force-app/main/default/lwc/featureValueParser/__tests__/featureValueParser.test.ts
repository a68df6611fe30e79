import { describe, expect, it } from '@jest/globals';
import {
    defaultSessionEndSettings,
    parseSessionEndValue,
    VALUE_MAX_LENGTH,
    SESSION_END_FEATURE_NAME,
    type DiagnosticCode,
    type SessionEndSettings
} from 'c/featureValueParser';

const OFFLINE = { kind: 'builtin', type: 'offline', name: 'Offline' } as const;
const AVAILABLE = { kind: 'builtin', type: 'routable', name: 'Available' } as const;

function settingsWith(changes: Partial<SessionEndSettings>): SessionEndSettings {
    return { ...defaultSessionEndSettings(), ...changes };
}

function codes(value: string): DiagnosticCode[] {
    return parseSessionEndValue(value).diagnostics.map((diagnostic) => diagnostic.code);
}

describe('c-feature-value-parser', () => {
    it('names the AC Feature record the CTI Adapter uses', () => {
        expect(SESSION_END_FEATURE_NAME).toBe('SetAgentStatusOnSessionEnd');
    });

    describe('a blank Value means Status:Offline for everyone', () => {
        it.each([
            ['null', null],
            ['undefined', undefined],
            ['empty', ''],
            ['white space and blank lines', '  \r\n\t\n  ']
        ])('%s', (_label, value) => {
            const parsed = parseSessionEndValue(value);
            expect(parsed.settings).toEqual(defaultSessionEndSettings());
            expect(parsed.settings.sessionEndStatus).toEqual(OFFLINE);
            expect(parsed.settings.initialAgentState).toEqual(AVAILABLE);
            expect(parsed.settings.sessionEndTimerSeconds).toBe(5);
            expect(parsed.diagnostics).toEqual([]);
        });
    });

    it("reads the seed's `Status:Offline` as the built-in Offline, found by type", () => {
        const parsed = parseSessionEndValue('Status:Offline');
        expect(parsed.settings).toEqual(defaultSessionEndSettings());
        expect(parsed.diagnostics).toEqual([]);
    });

    describe('every documented key', () => {
        it.each<[string, string, Partial<SessionEndSettings>]>([
            [
                'Status names a custom status',
                'Status:Lunch',
                { sessionEndStatus: { kind: 'named', name: 'Lunch' } }
            ],
            [
                'Status:Logout logs the agent out',
                'Status:Logout',
                { sessionEndStatus: { kind: 'logout' } }
            ],
            [
                'Status:Available is the built-in routable status',
                'Status:available',
                { sessionEndStatus: { kind: 'builtin', type: 'routable', name: 'available' } }
            ],
            [
                'Status:OFFLINE in any case is the built-in Offline',
                'Status:OFFLINE',
                { sessionEndStatus: { kind: 'builtin', type: 'offline', name: 'OFFLINE' } }
            ],
            [
                'IfProfileNameIncludes lists texts',
                'IfProfileNameIncludes:Sales,Support',
                { profileNameIncludes: ['Sales', 'Support'] }
            ],
            [
                'IfCurrentAgentState lists statuses',
                'IfCurrentAgentState:Available,Lunch',
                { currentAgentStates: ['Available', 'Lunch'] }
            ],
            [
                'InitialAgentState names the status on load',
                'InitialAgentState:Lunch',
                { initialAgentState: { kind: 'named', name: 'Lunch' } }
            ],
            [
                'InitialAgentState:Offline keeps agents Offline on load',
                'InitialAgentState:Offline',
                { initialAgentState: OFFLINE }
            ],
            ['SessionEndTimer in seconds', 'SessionEndTimer:30', { sessionEndTimerSeconds: 30 }],
            ['SessionEndTimer:0', 'SessionEndTimer:0', { sessionEndTimerSeconds: 0 }],
            [
                'SessionEndTimer:3600, the maximum',
                'SessionEndTimer:3600',
                { sessionEndTimerSeconds: 3600 }
            ]
        ])('%s', (_label, value, expected) => {
            const parsed = parseSessionEndValue(value);
            expect(parsed.settings).toEqual(settingsWith(expected));
            expect(parsed.diagnostics).toEqual([]);
        });
    });

    it('reads one setting per line, all keys together', () => {
        const parsed = parseSessionEndValue(
            'Status:Lunch\nIfProfileNameIncludes:Sales\nIfCurrentAgentState:Available\nInitialAgentState:Available\nSessionEndTimer:10'
        );
        expect(parsed.settings).toEqual({
            sessionEndStatus: { kind: 'named', name: 'Lunch' },
            profileNameIncludes: ['Sales'],
            currentAgentStates: ['Available'],
            initialAgentState: AVAILABLE,
            sessionEndTimerSeconds: 10
        });
        expect(parsed.diagnostics).toEqual([]);
    });

    it('drops empty list items and trims each name', () => {
        const parsed = parseSessionEndValue('IfCurrentAgentState: Available , ,Lunch,, ');
        expect(parsed.settings.currentAgentStates).toEqual(['Available', 'Lunch']);
        expect(parsed.diagnostics).toEqual([]);
    });

    it('accepts Japanese status and profile names', () => {
        const parsed = parseSessionEndValue(
            'Status:退席中\nIfCurrentAgentState:受付可能,退席中\nIfProfileNameIncludes:営業'
        );
        expect(parsed.settings.sessionEndStatus).toEqual({ kind: 'named', name: '退席中' });
        expect(parsed.settings.currentAgentStates).toEqual(['受付可能', '退席中']);
        expect(parsed.settings.profileNameIncludes).toEqual(['営業']);
        expect(parsed.diagnostics).toEqual([]);
    });

    it('separates settings on one line with `;`', () => {
        const parsed = parseSessionEndValue(
            'Status:Lunch; SessionEndTimer:7;;IfProfileNameIncludes:Sales'
        );
        expect(parsed.settings).toEqual(
            settingsWith({
                sessionEndStatus: { kind: 'named', name: 'Lunch' },
                sessionEndTimerSeconds: 7,
                profileNameIncludes: ['Sales']
            })
        );
        expect(parsed.diagnostics).toEqual([]);
    });

    it('matches keys in any case and ignores white space around keys and values', () => {
        const parsed = parseSessionEndValue(
            '  STATUS :  Lunch  \n ifprofilenameincludes:Sales\nsessionendtimer : 9'
        );
        expect(parsed.settings).toEqual(
            settingsWith({
                sessionEndStatus: { kind: 'named', name: 'Lunch' },
                profileNameIncludes: ['Sales'],
                sessionEndTimerSeconds: 9
            })
        );
        expect(parsed.diagnostics).toEqual([]);
    });

    it('splits only at the first `:`, so a status name may contain one', () => {
        const parsed = parseSessionEndValue('Status:Break: 15 min');
        expect(parsed.settings.sessionEndStatus).toEqual({ kind: 'named', name: 'Break: 15 min' });
    });

    it('reads Windows line ends (CRLF) and counts lines the way the admin sees them', () => {
        const parsed = parseSessionEndValue(
            'Status:Lunch\r\nSessionEndTimer:8\r\nStauts:Offline\r\n'
        );
        expect(parsed.settings.sessionEndStatus).toEqual({ kind: 'named', name: 'Lunch' });
        expect(parsed.settings.sessionEndTimerSeconds).toBe(8);
        expect(parsed.diagnostics).toHaveLength(1);
        expect(parsed.diagnostics[0]).toMatchObject({ line: 3, code: 'unknownKey', key: 'Stauts' });
    });

    describe('an unknown key is ignored and suggests the key the admin meant', () => {
        it.each([
            ['Stauts:Lunch', 'Stauts', 'Status'],
            ['InitialAgentStat:Lunch', 'InitialAgentStat', 'InitialAgentState'],
            ['Session End Timer:10', 'Session End Timer', 'SessionEndTimer'],
            ['if_profile_name_includes:Sales', 'if_profile_name_includes', 'IfProfileNameIncludes']
        ])('%s', (value, key, suggestion) => {
            const parsed = parseSessionEndValue(value);
            expect(parsed.settings).toEqual(defaultSessionEndSettings());
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({
                    line: 1,
                    severity: 'error',
                    code: 'unknownKey',
                    key,
                    suggestion,
                    message: expect.stringContaining(
                        `line 1: unknown key \`${key}\`; did you mean \`${suggestion}\`?`
                    )
                })
            ]);
        });

        it('lists the known keys when nothing is close', () => {
            const [diagnostic] = parseSessionEndValue('Colour:Blue').diagnostics;
            expect(diagnostic.suggestion).toBeUndefined();
            expect(diagnostic.message).toContain(
                'Status, IfProfileNameIncludes, IfCurrentAgentState'
            );
        });
    });

    describe('a malformed line is reported and the defaults stand', () => {
        it('a line without `:`', () => {
            const parsed = parseSessionEndValue('Status:Lunch\nOffline');
            expect(parsed.settings.sessionEndStatus).toEqual({ kind: 'named', name: 'Lunch' });
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({
                    line: 2,
                    severity: 'error',
                    code: 'malformedLine',
                    text: 'Offline',
                    message: expect.stringContaining('line 2: `Offline` has no `:`')
                })
            ]);
        });

        it('a full-width colon typed with a Japanese input method', () => {
            const parsed = parseSessionEndValue('Status：退席中');
            expect(parsed.settings).toEqual(defaultSessionEndSettings());
            expect(parsed.diagnostics[0].code).toBe('malformedLine');
            expect(parsed.diagnostics[0].message).toContain('full-width');
        });

        it('a value without a key', () => {
            const parsed = parseSessionEndValue(':Lunch');
            expect(parsed.settings).toEqual(defaultSessionEndSettings());
            expect(parsed.diagnostics[0]).toMatchObject({ line: 1, code: 'malformedLine' });
        });
    });

    describe('a key without a value keeps its default', () => {
        it.each([
            ['Status:', 'Status'],
            ['InitialAgentState:   ', 'InitialAgentState'],
            ['SessionEndTimer:', 'SessionEndTimer'],
            ['IfCurrentAgentState: , ,', 'IfCurrentAgentState']
        ])('%s', (value, key) => {
            const parsed = parseSessionEndValue(value);
            expect(parsed.settings).toEqual(defaultSessionEndSettings());
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({ line: 1, severity: 'warning', code: 'emptyValue', key })
            ]);
        });
    });

    describe('a key given twice', () => {
        it('uses the first Status and names both lines', () => {
            const parsed = parseSessionEndValue('Status:Offline\nSessionEndTimer:5\nstatus:Lunch');
            expect(parsed.settings.sessionEndStatus).toEqual(OFFLINE);
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({
                    line: 3,
                    severity: 'warning',
                    code: 'duplicateKey',
                    key: 'status',
                    message: expect.stringMatching(/line 3: .*line 1/)
                })
            ]);
        });

        it('uses the first SessionEndTimer even when the second is valid', () => {
            const parsed = parseSessionEndValue('SessionEndTimer:10;SessionEndTimer:20');
            expect(parsed.settings.sessionEndTimerSeconds).toBe(10);
            expect(codes('SessionEndTimer:10;SessionEndTimer:20')).toEqual(['duplicateKey']);
        });

        it('merges lists, without repeating a name, and still warns', () => {
            const parsed = parseSessionEndValue(
                'IfCurrentAgentState:Available\nIfCurrentAgentState:lunch,available'
            );
            expect(parsed.settings.currentAgentStates).toEqual(['Available', 'lunch']);
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({ line: 2, severity: 'warning', code: 'duplicateKey' })
            ]);
        });
    });

    describe('a SessionEndTimer that is not 0 to 3600 whole seconds keeps 5', () => {
        it.each<[string, DiagnosticCode]>([
            ['five', 'invalidNumber'],
            ['5s', 'invalidNumber'],
            ['2.5', 'invalidNumber'],
            ['1e3', 'invalidNumber'],
            ['-', 'invalidNumber'],
            ['-1', 'numberOutOfRange'],
            ['3601', 'numberOutOfRange'],
            ['99999999999999999999999', 'numberOutOfRange']
        ])('SessionEndTimer:%s', (text, code) => {
            const parsed = parseSessionEndValue(`SessionEndTimer:${text}`);
            expect(parsed.settings.sessionEndTimerSeconds).toBe(5);
            expect(parsed.diagnostics).toEqual([
                expect.objectContaining({
                    line: 1,
                    severity: 'error',
                    code,
                    text,
                    message: expect.stringContaining('line 1:')
                })
            ]);
        });
    });

    it('refuses InitialAgentState:Logout and keeps Available', () => {
        const parsed = parseSessionEndValue('Status:Offline\nInitialAgentState:logout');
        expect(parsed.settings.initialAgentState).toEqual(AVAILABLE);
        expect(parsed.diagnostics).toEqual([
            expect.objectContaining({ line: 2, severity: 'error', code: 'logoutNotAllowed' })
        ]);
    });

    it('never makes the outcome less safe: a Value full of mistakes still sets Offline for everyone', () => {
        const parsed = parseSessionEndValue(
            'Stauts:Available\nOffline\nIfProfileNameIncludes:\nSessionEndTimer:soon'
        );
        expect(parsed.settings).toEqual(defaultSessionEndSettings());
        expect(parsed.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code])).toEqual([
            [1, 'unknownKey'],
            [2, 'malformedLine'],
            [3, 'emptyValue'],
            [4, 'invalidNumber']
        ]);
    });

    it('reads a 100 KB Value only up to the field limit: the line it cuts and the rest are ignored, with a warning', () => {
        const longName = 'x'.repeat(100 * 1024);
        const value = `IfProfileNameIncludes:Sales\nStatus:${longName}\nSessionEndTimer:12`;
        const parsed = parseSessionEndValue(value);
        expect(parsed.settings.sessionEndStatus).toEqual(
            defaultSessionEndSettings().sessionEndStatus
        );
        expect(parsed.settings.profileNameIncludes).toEqual(['Sales']);
        expect(parsed.settings.sessionEndTimerSeconds).toBe(5);
        expect(parsed.diagnostics).toEqual([
            expect.objectContaining({ line: 2, severity: 'warning', code: 'valueTooLong' })
        ]);
        expect(parsed.diagnostics[0].text.length).toBeLessThanOrEqual(80);
        expect(parsed.diagnostics[0].message.length).toBeLessThan(400);
    });

    it('parses a 30 KB line of near-misses without hanging and reports it briefly', () => {
        const value = `${'Status'.repeat(4000)}:x\n${':;'.repeat(4000)}`;
        const parsed = parseSessionEndValue(value);
        expect(parsed.settings).toEqual(defaultSessionEndSettings());
        expect(parsed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
            'unknownKey',
            ...Array<DiagnosticCode>(4000).fill('malformedLine')
        ]);
        expect(parsed.diagnostics[0].text.length).toBeLessThanOrEqual(80);
    });

    it('stops at the limit when the limit falls on a line end, reading every line before it', () => {
        const first = `Status:Lunch\n`;
        const filler = `${'x'.repeat(VALUE_MAX_LENGTH - first.length)}`;
        const parsed = parseSessionEndValue(`${first}${filler}\nSessionEndTimer:9`);
        expect(parsed.settings.sessionEndStatus).toEqual({ kind: 'named', name: 'Lunch' });
        expect(parsed.settings.sessionEndTimerSeconds).toBe(5);
        expect(parsed.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code])).toEqual([
            [2, 'valueTooLong'],
            [2, 'malformedLine']
        ]);
    });
});

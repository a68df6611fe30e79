import { describe, expect, it } from '@jest/globals';
import { parseSessionEndValue } from 'c/featureValueParser';
import { describeDiagnostic, formatLabel } from 'c/valueDiagnostics';

/** The sentences an admin reads for a Value, in the order of its lines. */
function sentencesFor(value: string): string[] {
    return parseSessionEndValue(value).diagnostics.map(describeDiagnostic);
}

describe('c/valueDiagnostics', () => {
    it('names the line and the setting of every kind of problem the parser reports', () => {
        expect(
            sentencesFor(
                [
                    'Stauts:Offline',
                    'Colour:Blue',
                    'Offline',
                    'IfCurrentAgentState:',
                    'SessionEndTimer:soon',
                    'InitialAgentState:Logout',
                    'Status:Offline',
                    'Status:Available'
                ].join('\n')
            )
        ).toEqual([
            'Line 1: "Stauts" is not a known setting and is ignored. Did you mean "Status"?',
            'Line 2: "Colour" is not a known setting and is ignored.',
            'Line 3: "Offline" is not written as Key:Value and is ignored.',
            'Line 4: "IfCurrentAgentState" has no value; the default applies.',
            'Line 5: "SessionEndTimer" must be a whole number of seconds, not "soon"; the default applies.',
            'Line 6: "InitialAgentState" cannot be Logout; the default applies.',
            'Line 8: "Status" is set more than once. Keep one line per setting; put list items on one line, comma-separated.'
        ]);
    });

    it('gives the allowed range for a timer out of range', () => {
        expect(sentencesFor('SessionEndTimer:99999')).toEqual([
            'Line 1: "SessionEndTimer" must be from 0 to 3600 seconds, not "99999"; the default applies.'
        ]);
    });

    it('warns where a Value longer than the field may be cut off', () => {
        const value = `Status:Offline\n${'IfProfileNameIncludes:' + 'x'.repeat(40000)}`;

        expect(sentencesFor(value)).toEqual([
            'Line 2: the Value is longer than the field allows (32,768 characters). The softphone reads it only up to this line; this line and the rest are ignored. Shorten it.'
        ]);
    });

    it('fills numbered placeholders and leaves a missing one visible', () => {
        expect(formatLabel('Line {0}: "{1}" {2}', 4, 'Status')).toBe('Line 4: "Status" {2}');
    });
});

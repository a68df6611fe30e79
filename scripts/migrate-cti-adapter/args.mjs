// The command line of `npm run migrate:cti-adapter`: parsed and checked before anything runs.
import { parseArgs } from 'node:util';
import { UsageError } from '../setup-org/usageError.mjs';
import { LANGUAGES } from './recordPageCheck.mjs';
import { MAPPABLE_LABELS } from './sourceSchema.mjs';

const USAGE_EXAMPLE = 'npm run migrate:cti-adapter -- --target-org my-org';

export const EXIT = { ok: 0, notAllMapped: 1, usage: 2, cannotStart: 3 };

export const HELP = `Bring the Amazon Connect CTI Adapter's records across to this project's objects.

Reads every AC CTI Adapter of the CTI Adapter's managed package (namespace amazonconnect) and all of
its AC Features, inactive ones included, and writes them to this project's AC CTI Adapter and
AC Feature (AC_CtiAdapter__c, AC_Feature__c), matched by name. The CTI Adapter's records are only read.

Usage:
  ${USAGE_EXAMPLE} [options]

Required:
  --target-org <alias>     the org, as a Salesforce CLI alias or username (npx sf org login web --alias my-org)

Options:
  --adapter <name>         only this AC CTI Adapter (its CTI Adapter Name, e.g. ACLightningAdapter);
                           default: every adapter
  --dry-run                read everything and print the plan; write nothing
  --map <Label>=<ApiName>  the API name of an object or field the migration could not find by its label
                           (repeatable). Labels:
${wrap(
    MAPPABLE_LABELS.map((m) => `"${m.label}"`),
    27,
    102
)}
                           --map "<Label>=" says an optional field (Amazon Connect Instance Region,
                           SSO Url, SSO Relay State) does not exist in your version of the adapter.
                           Example: --map "Value=amazonconnect__Value__c"
  --language <en|ja>       language of the Value check, as the AC Feature record page shows it to a user
                           of that language (default en)
  --help                   show this help

What goes across: CTI Adapter Name → AC CTI Adapter Name; Amazon Connect Instance → Amazon Connect CCP
URL (https://<alias>.my.connect.aws/ccp-v2/, or https://<alias>.awsapps.com/connect/ccp-v2/);
Amazon Connect Instance Region → the same; SSO Url + SSO Relay State → SAML Login URL; each AC Feature
with its name, Value and Active unchanged. A CCP or SAML URL that breaks this project's URL policy is
reported and not written.

Running it twice changes nothing the second time: records are matched by name and only fields that
differ are written. The report lists what was created, updated, left alone and could not be mapped.

Exit status: 0 everything was brought across; 1 something could not be mapped or written (the report
says what and why); 2 the command line is wrong; 3 the run could not start (no login for the org, the
package missing, no read access, a label not found).`;

/** Items joined with ", " in lines of at most `width` characters, each indented by `indent` spaces. */
function wrap(items, indent, width) {
    const lines = [];
    let line = '';
    for (const [index, item] of items.entries()) {
        const piece = index < items.length - 1 ? `${item},` : item;
        if (line && indent + line.length + 1 + piece.length > width) {
            lines.push(line);
            line = piece;
        } else line = line ? `${line} ${piece}` : piece;
    }
    lines.push(line);
    return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

export const OPTIONS = {
    'target-org': { type: 'string' },
    adapter: { type: 'string' },
    'dry-run': { type: 'boolean' },
    map: { type: 'string', multiple: true },
    language: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * @typedef {object} MigrateOptions
 * @property {string} targetOrg
 * @property {string | null} adapter
 * @property {boolean} dryRun
 * @property {Map<string, string>} map label (as the table spells it) → API name
 * @property {'en' | 'ja'} language
 */

/**
 * @param {string[]} argv
 * @returns {{ help: true } | { help: false, options: MigrateOptions }}
 * @throws {UsageError}
 */
export function parseMigrateArgs(argv) {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: OPTIONS,
            strict: true,
            allowPositionals: false
        }));
    } catch (error) {
        throw new UsageError(
            `${explain(error)}. Usage: ${USAGE_EXAMPLE} (run with --help for every option)`
        );
    }
    if (values.help) return { help: true };

    const targetOrg = values['target-org']?.trim() ?? '';
    if (targetOrg === '') {
        throw new UsageError(
            `missing --target-org: the org that has the CTI Adapter, as a CLI alias or username.\n` +
                `Usage: ${USAGE_EXAMPLE} (with npm run, the options go after "--")`
        );
    }
    const adapter = values.adapter === undefined ? null : values.adapter.trim();
    if (adapter === '') {
        throw new UsageError(
            "--adapter needs the adapter's CTI Adapter Name, e.g. --adapter ACLightningAdapter"
        );
    }
    const language = values.language?.trim().toLowerCase() ?? 'en';
    if (!LANGUAGES.includes(language)) {
        throw new UsageError(
            `--language ${values.language} is not one this project is translated to: use ${LANGUAGES.join(' or ')}`
        );
    }
    return {
        help: false,
        options: {
            targetOrg,
            adapter,
            dryRun: values['dry-run'] === true,
            map: parseMap(values.map ?? []),
            language
        }
    };
}

function parseMap(entries) {
    const map = new Map();
    for (const entry of entries) {
        const equals = entry.lastIndexOf('=');
        if (equals < 0) {
            throw new UsageError(
                `--map "${entry}" needs the form Label=ApiName, e.g. --map "Value=amazonconnect__Value__c"`
            );
        }
        const label = entry.slice(0, equals).trim();
        const apiName = entry.slice(equals + 1).trim();
        const known = MAPPABLE_LABELS.find((m) => m.label.toLowerCase() === label.toLowerCase());
        if (!known) {
            throw new UsageError(
                `--map "${entry}": "${label}" is not a label the migration looks up. Use one of: ` +
                    `${MAPPABLE_LABELS.map((m) => `"${m.label}"`).join(', ')}`
            );
        }
        if (apiName === '' && !(known.what !== 'object' && known.field.optional)) {
            throw new UsageError(
                `--map "${entry}": "${known.label}" is needed; give its API name after "="`
            );
        }
        if (apiName !== '' && !API_NAME.test(apiName)) {
            throw new UsageError(
                `--map "${entry}": "${apiName}" is not an API name (letters, digits and _, e.g. amazonconnect__Value__c)`
            );
        }
        if (map.has(known.label) && map.get(known.label) !== apiName) {
            throw new UsageError(
                `--map names "${known.label}" twice (${map.get(known.label)} and ${apiName}); keep one`
            );
        }
        map.set(known.label, apiName);
    }
    return map;
}

function explain(error) {
    const message = String(error.message);
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option ${option}`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? ''}; every value follows its option (with npm run, the options go after "--")`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            if (message.includes('argument missing')) return `${option} needs a value`;
            if (message.includes('does not take an argument')) return `${option} takes no value`;
            return message;
        default:
            return message;
    }
}

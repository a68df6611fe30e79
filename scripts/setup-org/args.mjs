// The command line of `npm run setup:org`: parsed and checked before anything runs or is written.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
    CCP_URL_EXAMPLE,
    parseCcpUrl,
    parsePresenceServiceUrl,
    parseSamlLoginUrl
} from './ccpUrl.mjs';
import {
    DEFAULT_ADAPTER_NAME,
    REGION_FIELD_FILE,
    repoRoot,
    supportedRegions
} from './projectFacts.mjs';
import { UsageError } from './usageError.mjs';

const USAGE_EXAMPLE = `npm run setup:org -- --target-org my-org --ccp-url ${CCP_URL_EXAMPLE}`;

export const HELP = `Set up an org for the Amazon Connect softphone in one command.

Usage:
  ${USAGE_EXAMPLE} [options]

Required:
  --target-org <alias>       the org, as a Salesforce CLI alias or username (sf org login web --alias my-org)
  --ccp-url <url>            your instance's Contact Control Panel: https://<instance>.my.connect.aws/ccp-v2/
                             (older instances: https://<instance>.awsapps.com/connect/ccp-v2/)

Options:
  --region <aws-region>      the instance's AWS region, one of the AC CTI Adapter's region values
  --saml-login-url <url>     your identity provider's login URL, when agents sign in through SAML
  --presence-service-url <url>
                             the presence backstop's https URL (npx cdk deploy prints it as PresenceApiUrl):
                             fills Presence Service URL and adds a Trusted URL for it (connect-src)
  --presence-certificate <name>
                             Unique Name of the certificate that signs the presence tokens
  --agent <username>         also give this user the Connect Softphone Agent permission set (repeatable)
  --adapter-name <name>      name of the AC CTI Adapter record (default ${DEFAULT_ADAPTER_NAME})
  --custom-domain            accept a CCP URL that is not on an Amazon Connect domain
  --output-dir <dir>         where the generated deploy folder goes (default setup-output)
  --dry-run                  write the deploy folder and print every command without running it
  --help                     show this help

Steps: build, write setup-output/<alias>/ (Trusted URL for the Connect domain, the data plan with your
values), deploy, assign permission sets, import the configuration records, then print what is left to
do by hand. Each step is safe to run again.`;

const OPTIONS = {
    'target-org': { type: 'string' },
    'ccp-url': { type: 'string' },
    region: { type: 'string' },
    'saml-login-url': { type: 'string' },
    'presence-service-url': { type: 'string' },
    'presence-certificate': { type: 'string' },
    agent: { type: 'string', multiple: true },
    'adapter-name': { type: 'string' },
    'custom-domain': { type: 'boolean' },
    'output-dir': { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};

// Salesforce usernames have the form of an email address.
const USERNAME = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The alias becomes a folder name: keep it to characters that are safe in a path on every OS.
const ALIAS = /^[A-Za-z0-9_.@+-]+$/;
const ADAPTER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,79}$/;

/**
 * @typedef {object} SetupOptions
 * @property {string} targetOrg
 * @property {import('./ccpUrl.mjs').CcpTarget} ccp
 * @property {string | undefined} region
 * @property {string | undefined} samlLoginUrl
 * @property {{ url: string, origin: string } | undefined} presenceService
 * @property {string | undefined} presenceCertificate
 * @property {string[]} agents
 * @property {string} adapterName
 * @property {string} outputDir absolute path of the folder that holds <alias>/
 * @property {boolean} dryRun
 */

/**
 * @param {string[]} argv arguments after the script name
 * @param {string} cwd where relative paths start
 * @returns {{ help: true } | { help: false, options: SetupOptions }}
 * @throws {UsageError} for anything wrong on the command line
 */
export function parseSetupArgs(argv, cwd = process.cwd()) {
    const values = readValues(argv);
    if (values.help) return { help: true };

    requireAll(values, {
        'target-org': 'the org to set up, as a CLI alias or username (--target-org my-org)',
        'ccp-url': `your instance's CCP address (--ccp-url ${CCP_URL_EXAMPLE})`
    });
    const targetOrg = values['target-org'].trim();
    if (!ALIAS.test(targetOrg) || targetOrg === '.' || targetOrg === '..') {
        throw new UsageError(
            `--target-org "${targetOrg}" is not a usable alias: it names the folder ` +
                `setup-output/<alias>/, so use letters, digits and . _ @ + - only ` +
                `(sf alias set my-org=<username> makes one).`
        );
    }
    const ccp = parseCcpUrl(values['ccp-url'], { customDomain: values['custom-domain'] === true });

    return {
        help: false,
        options: {
            targetOrg,
            ccp,
            region: checkRegion(values.region),
            samlLoginUrl: parseSamlLoginUrl(values['saml-login-url']),
            presenceService: parsePresenceServiceUrl(values['presence-service-url']),
            presenceCertificate: checkPresenceCertificate(
                values['presence-certificate'],
                values['presence-service-url']
            ),
            agents: checkAgents(values.agent ?? []),
            adapterName: checkAdapterName(values['adapter-name']),
            outputDir: path.resolve(
                cwd,
                values['output-dir'] ?? path.join(repoRoot, 'setup-output')
            ),
            dryRun: values['dry-run'] === true
        }
    };
}

function readValues(argv) {
    try {
        return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false })
            .values;
    } catch (error) {
        throw new UsageError(explainParseError(error));
    }
}

/** node:util's messages name the problem but not the fix; add the usage line. */
function explainParseError(error) {
    const message = String(error.message);
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    let what;
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            what = `unknown option ${option}`;
            break;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            what = `unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? ''}; every value follows its option (with npm run, the options go after "--")`;
            break;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            what = message.includes('argument missing')
                ? `${option} needs a value`
                : message.includes('does not take an argument')
                  ? `${option} takes no value`
                  : message;
            if (message.includes('ambiguous'))
                what = `${option} needs a value before the next option`;
            break;
        default:
            what = message;
    }
    return `${what}. Usage: ${USAGE_EXAMPLE} (run with --help for every option)`;
}

/** Names every missing required option at once, so one run shows everything to fix. */
function requireAll(values, hints) {
    const missing = Object.keys(hints).filter((name) => !values[name]?.trim());
    if (missing.length === 0) return;
    const lines = missing.map((name) => `missing --${name}: ${hints[name]}`);
    throw new UsageError(
        `${lines.join('\n')}\nUsage: ${USAGE_EXAMPLE} (with npm run, the options go after "--")`
    );
}

function checkRegion(region) {
    if (region === undefined) return undefined;
    const regions = supportedRegions();
    if (!regions.includes(region.trim())) {
        throw new UsageError(
            `--region "${region}" is not a region the AC CTI Adapter accepts. Use one of: ` +
                `${regions.join(', ')} (the Amazon_Connect_Instance_Region__c picklist in ` +
                `${path.relative(repoRoot, REGION_FIELD_FILE)}).`
        );
    }
    return region.trim();
}

/** A certificate Unique Name; it only makes sense with the service URL. */
function checkPresenceCertificate(raw, serviceUrl) {
    if (raw === undefined) return undefined;
    if (serviceUrl === undefined) {
        throw new UsageError(
            '--presence-certificate needs --presence-service-url: the certificate signs the ' +
                'tokens the softphone sends to that service.'
        );
    }
    const name = raw.trim();
    if (!/^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(name) || name.includes('__') || name.endsWith('_')) {
        throw new UsageError(
            `--presence-certificate "${raw}" is not a certificate Unique Name: letters, digits ` +
                'and single underscores, starting with a letter (Setup > Certificate and Key Management).'
        );
    }
    return name;
}

function checkAgents(agents) {
    for (const agent of agents) {
        if (!USERNAME.test(agent)) {
            throw new UsageError(
                `--agent "${agent}" is not a Salesforce username; usernames look like email ` +
                    `addresses, e.g. --agent agent@mycompany.com`
            );
        }
    }
    return [...new Set(agents)];
}

function checkAdapterName(name) {
    if (name === undefined) return DEFAULT_ADAPTER_NAME;
    const trimmed = name.trim();
    if (!ADAPTER_NAME.test(trimmed)) {
        throw new UsageError(
            `--adapter-name "${name}" is not a usable record name: use up to 80 letters, digits, ` +
                `spaces, _ . or -, e.g. --adapter-name ${DEFAULT_ADAPTER_NAME}`
        );
    }
    return trimmed;
}

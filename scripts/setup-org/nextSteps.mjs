// What no CLI command can do for the admin: the Connect side, and opening the app.
import { formatCommand, openAppCommand, assignAgentsCommand } from './commands.mjs';
import { CONSOLE_APP, DEFAULT_ADAPTER_NAME } from './projectFacts.mjs';

/**
 * The origin of the org's Lightning pages, from its My Domain URL:
 * https://acme.my.salesforce.com -> https://acme.lightning.force.com (sandbox, scratch and
 * developer-edition domains keep their middle part). null when the URL is not a My Domain URL.
 */
export function lightningOrigin(instanceUrl) {
    if (typeof instanceUrl !== 'string') return null;
    let host;
    try {
        host = new URL(instanceUrl).hostname;
    } catch {
        return null;
    }
    const match = /^(.+)\.my\.salesforce\.com$/.exec(host);
    return match ? `https://${match[1]}.lightning.force.com` : null;
}

/**
 * @param {import('./args.mjs').SetupOptions & { lightningOrigin: string | null }} options
 * @returns {string[]} lines to print
 */
export function leftForTheHuman(options) {
    const { targetOrg, ccp } = options;
    const origin = options.lightningOrigin ?? 'https://<your-domain>.lightning.force.com';
    const lines = [
        '  1. Approve Salesforce in Amazon Connect: AWS console → Amazon Connect → your instance ' +
            `(${ccp.instance}) → Approved origins → Add origin:`,
        `       ${origin}`,
        options.lightningOrigin
            ? "     (the origin of this org's Lightning pages). Without it the CCP refuses to load in Salesforce."
            : '     (the address bar of any Lightning page shows it). Without it the CCP refuses to load in Salesforce.',
        '  2. Open the Amazon Connect Console app (App Launcher → Amazon Connect Console) and sign in ' +
            'to the CCP in the Phone utility:',
        `       ${formatCommand(openAppCommand(targetOrg, CONSOLE_APP))}`
    ];
    let next = 3;
    if (options.adapterName !== DEFAULT_ADAPTER_NAME) {
        lines.push(
            `  ${next++}. The Phone utility reads the adapter ${DEFAULT_ADAPTER_NAME}: Setup → App Manager → ` +
                `Amazon Connect Console → Edit → Utility Items → Phone → AC CTI Adapter Name: ${options.adapterName}`
        );
    }
    if (options.agents.length === 0) {
        lines.push(
            `  ${next++}. Give each agent the Connect Softphone Agent permission set (or run setup again with --agent):`,
            `       ${formatCommand(assignAgentsCommand(targetOrg, ['agent@mycompany.com'], false))}`
        );
    }
    if (!options.region) {
        lines.push(
            `  ${next++}. Optional: no region was given. Set Amazon Connect Instance Region on the ` +
                `AC CTI Adapter ${options.adapterName} if your instance needs it (App Launcher → AC CTI Adapters).`
        );
    }
    return lines;
}

// The CDK app: `npx cdk deploy -c connectInstanceArn=… -c allowedOrigins=… -c certificateFile=…
// -c tokenIssuer=… -c salesforceOrgId=…` (see README.md). Every setting is checked here, at synth,
// with a message that says which one is wrong and how to fix it.
import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PresenceStack, type PresenceSettingsProps } from './stack';
import { settingsFromContext } from './settings';

const app = new App();
let settings: PresenceSettingsProps;
try {
    settings = settingsFromContext((key) => app.node.tryGetContext(key), readFileSync);
} catch (error) {
    console.error(`Presence service settings: ${(error as Error).message}`);
    process.exit(1);
}
const [, , , region, account] = settings.connectInstanceArn.split(':');
new PresenceStack(app, app.node.tryGetContext('stackName') ?? 'ConnectSoftphonePresence', {
    ...settings,
    env: { account, region },
    description: 'Presence backstop for the Amazon Connect softphone for Salesforce'
});
// cdk-nag AwsSolutions on every synth and deploy: a finding without an acknowledgement stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();

// Facts setup reads from the project itself, so they never drift from the metadata that deploys.
import path from 'node:path';
import { repoRoot } from '../lib/checkReport.mjs';
import { readRoot } from '../lib/metadataSource.mjs';
import { defaultDir, projectApiVersion } from '../lib/projectFiles.mjs';

export { repoRoot, projectApiVersion };

export const REGION_FIELD_FILE = path.join(
    defaultDir,
    'objects/AC_CtiAdapter__c/fields/Amazon_Connect_Instance_Region__c.field-meta.xml'
);
export const DATA_PLAN_FILE = path.join(repoRoot, 'data', 'plan.json');
export const PACKAGE_DIR = 'force-app';
export const ADMIN_PERMISSION_SET = 'Connect_Softphone_Admin';
export const AGENT_PERMISSION_SET = 'Connect_Softphone_Agent';
export const CONSOLE_APP = 'Amazon_Connect_Console';
/** The adapter the data plan creates and the utility bar item reads unless told otherwise. */
export const DEFAULT_ADAPTER_NAME = 'ACLightningAdapter';

/** The values of the AC CTI Adapter's restricted region picklist. */
export function supportedRegions() {
    const field = readRoot(REGION_FIELD_FILE, 'CustomField');
    return (field.valueSet?.valueSetDefinition?.value ?? []).map((entry) => entry.fullName);
}

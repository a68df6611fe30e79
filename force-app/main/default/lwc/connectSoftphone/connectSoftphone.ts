/**
 * The Amazon Connect softphone on the utility bar: a thin container that reads the adapter and the
 * SetAgentStatusOnSessionEnd feature through Apex, loads Streams from its static resource, embeds
 * the CCP and, when the feature is active, starts the session guard. It shows one state at a time.
 */
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import AMAZON_CONNECT_STREAMS from '@salesforce/resourceUrl/AmazonConnectStreams';
import getSoftphoneConfig from '@salesforce/apex/AcFeatureController.getSoftphoneConfig';
import refreshSoftphoneConfig from '@salesforce/apex/AcFeatureController.refreshSoftphoneConfig';
import isSessionActive from '@salesforce/apex/AcFeatureController.isSessionActive';
import getPresenceToken from '@salesforce/apex/PresenceTokenController.getPresenceToken';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { parseSessionEndValue } from 'c/featureValueParser';
import type {
    ParsedSessionEndValue,
    SessionEndSettings,
    ValueDiagnostic
} from 'c/featureValueParser';
import * as streamsClient from 'c/streamsClient';
import type { AgentView, CcpFailure, CcpSettings } from 'c/streamsClient';
import { SIGN_OUT_WAIT_MS, startSessionGuard } from 'c/sessionGuard';
import type { GuardOutcome, GuardWarning, SessionGuard } from 'c/sessionGuard';
import { openChannel, openStorage, startTabCoordinator } from 'c/tabCoordinator';
import type { TabCoordinator } from 'c/tabCoordinator';
import { reduceErrors } from 'c/ldsUtils';
import { checkAdapterUrls, describeRefusedRule, refusedFieldLabel } from './adapterUrls';
import {
    checkServiceUrl,
    findRestoreState,
    noticeForAction,
    presenceSettings
} from 'c/presenceDecisions';
import type { BackstopNotice, PresenceAction, PresenceLink } from 'c/presenceDecisions';
import { startPresenceClient } from 'c/presenceClient';
import type { PresenceClient } from 'c/presenceClient';
import { buildDetailRows, recordOutcome } from './details';
import type { DetailRow, DetailsSource } from './details';
import { LABELS, formatLabel } from './labels';
import { buildNotices } from './notices';
import type { Notice } from './notices';
import { backstopNoticeView, presenceDetailRow, timeFormatter } from './presenceView';
import type { BackstopNoticeView } from './presenceView';
import { PRESENCE_LABELS } from './presenceLabels';

type ViewState = 'loading' | 'signInNeeded' | 'signedOut' | 'ready' | 'error';

/** Streams is loaded once per component; a failed load goes back to NOT_LOADED so Retry reloads. */
type ScriptState = 'NOT_LOADED' | 'LOADING' | 'READY';

const DEFAULT_ADAPTER_NAME = 'ACLightningAdapter';
const DEFAULT_HEIGHT_PX = 520;
const MIN_HEIGHT_PX = 200;
/** CCP_LOAD_TIMEOUT in Streams' release: its wait for the CCP's first acknowledgement. */
const STREAMS_DEFAULT_CCP_LOAD_TIMEOUT_MS = 5000;
/**
 * No start stays on "Loading…" longer than this, whatever the adapter's CCP load timeout says: the
 * promise is 60 s, and 5 s of it are left for a busy page to render the error (bench/load-timeout.md).
 */
const LOAD_DEADLINE_MS = 55000;

/** The CCP failures that end this start; the agent can Retry. */
const CCP_FAILURE_MESSAGES: Record<Exclude<CcpFailure, 'authFail' | 'terminated'>, string> = {
    loadTimeout: LABELS.errorLoadTimeout,
    iframeRetriesExhausted: LABELS.errorIframeRetries
};

export default class ConnectSoftphone extends LightningElement {
    /** AC CTI Adapter Name of the adapter record to use (App Builder property). */
    @api adapterName = DEFAULT_ADAPTER_NAME;

    /** Height of the CCP in pixels (App Builder property). */
    @api height = DEFAULT_HEIGHT_PX;

    labels = LABELS;
    viewState: ViewState = 'loading';
    errorMessage = '';
    signingOut = false;
    onLiveContact = false;
    diagnostics: ValueDiagnostic[] = [];
    guardWarnings: GuardWarning[] = [];
    /** For the Details view: set once the configuration is read, kept while the state changes. */
    detailsSource: DetailsSource | null = null;
    agentView: AgentView | null = null;
    /** The last guard outcome of each phase; kept across restarts so a sign-out stays visible. */
    outcomes: GuardOutcome[] = [];
    presenceLabels = PRESENCE_LABELS;
    /** What the presence backstop last heard; null while it has nothing to say (feature off). */
    presenceLink: PresenceLink | null = null;
    /** The notice after the backstop changed the status; kept across restarts until handled. */
    backstopNotice: BackstopNotice = { kind: 'none' };

    private scriptState: ScriptState = 'NOT_LOADED';
    private scriptLoad: Promise<unknown> | null = null;
    private guard: SessionGuard | null = null;
    private tabs: TabCoordinator | null = null;
    private presence: PresenceClient | null = null;
    private handledBackstopActions = new Set<string>();
    private ccpSettings: CcpSettings | null = null;
    private ccpRunning = false;
    private signOutAnswered: (() => void) | null = null;
    /** Each start gets a number; callbacks and awaits of an older start (or after disconnect) do nothing. */
    private run = 0;
    /** Retry reads the records again, past the platform's cache of getSoftphoneConfig. */
    private readFresh = false;
    private loadDeadline: number | null = null;

    override connectedCallback(): void {
        this.start(); // never rejects: each step catches and shows its own error
    }

    override disconnectedCallback(): void {
        this.run++;
        this.clearLoadDeadline();
        this.stopCcp();
    }

    get isLoading(): boolean {
        return this.viewState === 'loading';
    }
    get isSignInNeeded(): boolean {
        return this.viewState === 'signInNeeded';
    }
    get isSignedOut(): boolean {
        return this.viewState === 'signedOut';
    }
    get isReady(): boolean {
        return this.viewState === 'ready';
    }
    get isError(): boolean {
        return this.viewState === 'error';
    }

    /** Streams attaches its iframe while loading, so the container is hidden, never removed. */
    get ccpContainerClass(): string {
        return this.isReady ? 'ccp' : 'ccp ccp_hidden';
    }
    get ccpContainerStyle(): string {
        return this.isReady ? `height: ${this.heightPx}px;` : '';
    }
    get ccpHidden(): string {
        return this.isReady ? 'false' : 'true';
    }

    get notices(): Notice[] {
        return buildNotices(this.diagnostics, this.guardWarnings);
    }
    get hasNotices(): boolean {
        return this.diagnostics.length > 0 || this.guardWarnings.length > 0;
    }
    get noticeSummary(): string {
        return formatLabel(LABELS.warningsSummary, this.notices.length);
    }

    /** Shown where it explains something: not while loading or waiting for the sign-in. */
    get showDetails(): boolean {
        return this.detailsSource !== null && (this.isReady || this.isSignedOut || this.isError);
    }
    get detailRows(): DetailRow[] {
        if (!this.detailsSource) {
            return [];
        }
        const rows = buildDetailRows({
            ...this.detailsSource,
            // Agent data is live only while the CCP is: a signed-out status would be stale.
            agent: this.isReady ? this.agentView : null,
            outcomes: this.outcomes,
            locale: LOCALE,
            timeZone: TIME_ZONE
        });
        return this.presenceLink
            ? [
                  ...rows,
                  presenceDetailRow(
                      this.presenceLink,
                      this.detailsSource.adapterName,
                      timeFormatter(LOCALE, TIME_ZONE)
                  )
              ]
            : rows;
    }

    get backstopView(): BackstopNoticeView | null {
        return backstopNoticeView(this.backstopNotice, timeFormatter(LOCALE, TIME_ZONE));
    }

    /** The agent's one click back to the status they had before the backstop acted. */
    handleBackstopRestore(): void {
        const notice = this.backstopNotice;
        if (notice.kind !== 'shown' && notice.kind !== 'restoreFailed') {
            return;
        }
        const { action } = notice;
        const agent = streamsClient.getAgentView();
        const state = findRestoreState(agent, action.previousStatusName);
        if (!state) {
            this.backstopNotice = { kind: 'restoreFailed', action, reason: 'unknownStatus' };
            return;
        }
        this.backstopNotice = { kind: 'restoring', action };
        const sent = streamsClient.setAgentState(state, agent?.hasLiveContact ?? false, (ok) => {
            if (this.backstopNotice.kind === 'restoring') {
                this.finishBackstopNotice(action, ok);
            }
        });
        if (sent === 'noAgent') {
            this.finishBackstopNotice(action, false);
        }
    }

    handleBackstopDismiss(): void {
        if (this.backstopNotice.kind !== 'none') {
            this.handledBackstopActions.add(this.backstopNotice.action.actionId);
            this.backstopNotice = { kind: 'none' };
        }
    }

    handleRetry(): void {
        this.stopCcp();
        this.readFresh = true; // an admin may have fixed the records since they were read
        this.start();
    }

    handleSignIn(): void {
        if (this.ccpSettings) {
            streamsClient.openLogin(this.ccpSettings);
        }
    }

    /** Sign in again after signing out: the CCP starts over and asks for the login if needed. */
    handleSignInAgain(): void {
        this.start();
    }

    get signOutDisabled(): boolean {
        return this.signingOut || this.onLiveContact;
    }

    async handleSignOut(): Promise<void> {
        const run = this.run;
        const ccpUrl = this.ccpSettings?.ccpUrl;
        if (!ccpUrl || this.signOutDisabled) {
            return;
        }
        this.signingOut = true;
        try {
            const signedOut = await this.signOutOfConnect(ccpUrl);
            if (run === this.run && signedOut) {
                this.presence?.leave(); // the backstop checks Connect after its grace
                this.tabs?.announce({ type: 'signOut' }); // the other tabs' softphones follow
                this.showSignedOut();
            }
        } catch (error) {
            if (run === this.run) {
                this.showError(formatLabel(LABELS.errorSignOut, this.describe(error)));
            }
        } finally {
            this.signingOut = false;
        }
    }

    /**
     * With the feature on, the session-end status goes first and the sign-out waits for Connect's
     * answer (at most SIGN_OUT_WAIT_MS), because the CCP's /logout keeps the old status (#493).
     * The guard signs out by itself for Status:Logout. Resolves false when nothing was signed out:
     * a contact is live, so the status was queued behind it instead.
     */
    private async signOutOfConnect(ccpUrl: string): Promise<boolean> {
        const guard = this.guard;
        if (!guard) {
            await streamsClient.signOut(ccpUrl);
            return true;
        }
        const outcome = await this.changeThenWait(() => guard.endSession('signOut'));
        if (outcome.action === 'enqueueNextState') {
            return false;
        }
        if (outcome.action !== 'logout') {
            // A status the agent picked in the CCP meanwhile would outlive the sign-out.
            const again = await this.changeThenWait(() => guard.beforeSignOut());
            if (again.action === 'enqueueNextState') {
                return false; // a contact came meanwhile: the status is queued behind it instead
            }
            await streamsClient.signOut(ccpUrl);
        }
        return true;
    }

    /** Runs the guard's change and waits for Connect's answer to it, at most SIGN_OUT_WAIT_MS. */
    private async changeThenWait(change: () => GuardOutcome): Promise<GuardOutcome> {
        const answered = new Promise<void>((resolve) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded wait for Connect's answer
            const timer = window.setTimeout(resolve, SIGN_OUT_WAIT_MS);
            this.signOutAnswered = () => {
                window.clearTimeout(timer);
                resolve();
            };
        });
        const outcome = change();
        if (outcome.action === 'setState' || outcome.action === 'logout') {
            await answered;
        }
        this.signOutAnswered?.(); // clears the timer when nothing was awaited
        this.signOutAnswered = null;
        return outcome;
    }

    private handleGuardOutcome(outcome: GuardOutcome): void {
        this.outcomes = recordOutcome(this.outcomes, outcome);
        if (outcome.reason === 'signOut' && outcome.confirmed !== undefined) {
            this.signOutAnswered?.();
        }
    }

    private async start(): Promise<void> {
        const run = ++this.run;
        const startedAt = Date.now();
        this.armLoadDeadline(run);
        this.viewState = 'loading';
        this.errorMessage = '';
        this.diagnostics = [];
        this.guardWarnings = [];
        this.detailsSource = null;
        this.agentView = null;
        this.presenceLink = null;

        // Apex and the static resource load in parallel. The cacheable method is called
        // imperatively rather than with @wire: the CCP starts once, in order (config, Streams,
        // CCP), Retry simply runs this again, and an App Builder change to adapterName must not
        // re-run it under a live CCP (Streams supports one CCP per page).
        const scriptLoad = this.loadStreams();
        let config: AcFeatureController.SoftphoneConfig;
        const readConfig = this.readFresh ? refreshSoftphoneConfig : getSoftphoneConfig;
        this.readFresh = false;
        try {
            config = await readConfig({ adapterName: this.adapterName });
        } catch (error) {
            if (run === this.run) {
                this.showError(
                    formatLabel(LABELS.errorConfig, this.adapterName, this.describe(error))
                );
            }
            return;
        }
        if (run !== this.run) {
            return;
        }
        // An inactive or missing feature record means the feature is off: no guard at all.
        const parsed = config.feature ? parseSessionEndValue(config.feature.rawValue) : null;
        this.detailsSource = {
            adapterName: config.adapter.name,
            settings: parsed?.settings ?? null
        };
        // The URL policy decides before any iframe exists: a refused URL is never requested.
        const urls = checkAdapterUrls(config.adapter);
        if (urls.verdict === 'refused') {
            const fieldLabel = refusedFieldLabel(urls.refusal);
            if (urls.refusal.rule === 'blank') {
                this.showError(formatLabel(LABELS.errorNoCcpUrl, config.adapter.name));
                return;
            }
            this.detailsSource = {
                ...this.detailsSource,
                refusedUrl: { fieldLabel, rule: describeRefusedRule(urls.refusal) }
            };
            this.showError(formatLabel(LABELS.errorUrlRefused, fieldLabel, config.adapter.name));
            return;
        }
        const scriptError = await scriptLoad;
        if (run !== this.run) {
            return;
        }
        if (scriptError !== null) {
            this.showError(formatLabel(LABELS.errorScriptLoad, this.describe(scriptError)));
            return;
        }
        const settings = ccpSettingsFor(
            config.adapter,
            urls,
            LOAD_DEADLINE_MS - (Date.now() - startedAt)
        );
        this.startCcp(run, config.adapter.name, settings, parsed);
    }

    /** Whatever hangs (Apex, Streams, a CCP that never answers), "Loading…" ends by the deadline. */
    private armLoadDeadline(run: number): void {
        this.clearLoadDeadline();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the bound on "Loading…"
        this.loadDeadline = window.setTimeout(() => {
            this.loadDeadline = null;
            if (run === this.run && this.viewState === 'loading') {
                this.stopCcp();
                this.showError(CCP_FAILURE_MESSAGES.loadTimeout);
            }
        }, LOAD_DEADLINE_MS);
    }

    private clearLoadDeadline(): void {
        if (this.loadDeadline !== null) {
            window.clearTimeout(this.loadDeadline);
            this.loadDeadline = null;
        }
    }

    /** Resolves to null when Streams is ready, or to the load error; never rejects. */
    private loadStreams(): Promise<unknown> {
        if (this.scriptState === 'READY') {
            return Promise.resolve(null);
        }
        if (this.scriptState === 'LOADING' && this.scriptLoad) {
            return this.scriptLoad;
        }
        this.scriptState = 'LOADING';
        this.scriptLoad = loadScript(this, AMAZON_CONNECT_STREAMS).then(
            () => {
                if (!streamsClient.isStreamsLoaded()) {
                    this.scriptState = 'NOT_LOADED';
                    return {}; // the resource loaded but defined no Streams: no details to give
                }
                this.scriptState = 'READY';
                return null;
            },
            (error: unknown) => {
                this.scriptState = 'NOT_LOADED';
                return error ?? {};
            }
        );
        return this.scriptLoad;
    }

    private startCcp(
        run: number,
        adapterName: string,
        settings: CcpSettings,
        parsed: ParsedSessionEndValue | null
    ): void {
        const container = this.refs?.ccpContainer as HTMLElement | undefined;
        this.ccpSettings = settings;
        try {
            if (!container) {
                throw new Error('CCP container is not rendered');
            }
            if (parsed) {
                this.diagnostics = parsed.diagnostics;
                this.tabs = startTabCoordinator({ storage: openStorage(), channel: openChannel() });
                this.guard = startSessionGuard({
                    settings: parsed.settings,
                    streams: streamsClient,
                    target: window,
                    ccpUrl: settings.ccpUrl,
                    onOutcome: (outcome) => this.handleGuardOutcome(outcome),
                    tabs: this.tabs,
                    isSessionActive: async () => (await isSessionActive({})) === true,
                    onSignedOutElsewhere: () => {
                        if (run === this.run) {
                            this.showSignedOut();
                        }
                    },
                    onWarning: (warning) => {
                        if (run === this.run) {
                            this.guardWarnings = [...this.guardWarnings, warning];
                        }
                    }
                });
                this.startPresence(run, adapterName, parsed.settings); // never rejects
            }
            this.ccpRunning = true;
            streamsClient.initCcp(container, settings, {
                onAgentReady: () => this.handleAgentReady(run),
                onAgentChange: () => this.handleAgentChange(run),
                onFailure: (failure) => this.handleCcpFailure(run, failure)
            });
        } catch (error) {
            this.stopCcp();
            this.showError(formatLabel(LABELS.errorCcpStart, this.describe(error)));
        }
    }

    private handleAgentReady(run: number): void {
        if (run !== this.run) {
            return;
        }
        this.clearLoadDeadline();
        this.viewState = 'ready';
        this.agentView = streamsClient.getAgentView();
        this.onLiveContact = this.agentView?.hasLiveContact ?? false;
        this.guard?.applyInitialState();
        this.presence?.beatNow(); // back after a reload: tell the service before its grace ends
    }

    /** Signing out during a contact would drop the call: the button waits until it ends. */
    private handleAgentChange(run: number): void {
        if (run === this.run) {
            this.agentView = streamsClient.getAgentView();
            this.onLiveContact = this.agentView?.hasLiveContact ?? false;
            this.guard?.agentChanged();
        }
    }

    private handleCcpFailure(run: number, failure: CcpFailure): void {
        if (run !== this.run) {
            return;
        }
        if (failure === 'authFail') {
            // Not fatal: Streams keeps the CCP waiting and connects once the agent signs in.
            this.viewState = 'signInNeeded';
        } else if (failure === 'terminated') {
            // Signed out here or in another tab: the CCP is gone until the agent signs in.
            this.showSignedOut();
        } else {
            this.stopCcp();
            this.showError(CCP_FAILURE_MESSAGES[failure]);
        }
    }

    private showSignedOut(): void {
        this.stopCcp();
        this.viewState = 'signedOut';
    }

    private showError(message: string): void {
        this.clearLoadDeadline();
        this.errorMessage = message;
        this.viewState = 'error';
    }

    /** Removes every listener the guard and Streams added; safe to call more than once. */
    private stopCcp(): void {
        this.signOutAnswered?.();
        this.onLiveContact = false;
        this.guard?.stop();
        this.guard = null;
        this.presence?.stop();
        this.presence = null;
        this.tabs?.stop();
        this.tabs = null;
        if (this.ccpRunning) {
            this.ccpRunning = false;
            streamsClient.teardown();
        }
    }

    /**
     * The optional presence backstop: on when the feature is on and the adapter names a Presence
     * Service URL. Any failure here is shown in Details; the softphone works as without it.
     */
    private async startPresence(
        run: number,
        adapterName: string,
        settings: SessionEndSettings
    ): Promise<void> {
        const mint = async () => {
            const answer = await getPresenceToken({ adapterName });
            return answer.token && answer.expiresAt
                ? { token: answer.token, expiresAt: answer.expiresAt }
                : null;
        };
        let first: PresenceTokenController.PresenceToken;
        try {
            // An answer without a URL (null, or an empty DTO) means the backstop is off.
            first = (await getPresenceToken({ adapterName })) ?? {};
        } catch (error) {
            if (run === this.run) {
                this.presenceLink = {
                    kind: 'tokenFailed',
                    at: Date.now(),
                    message: this.describe(error)
                };
            }
            return;
        }
        if (run !== this.run || !this.ccpRunning) {
            return;
        }
        const url = checkServiceUrl(first.serviceUrl);
        if (url.verdict !== 'allowed') {
            this.presenceLink =
                url.verdict === 'blank'
                    ? { kind: 'off' }
                    : { kind: 'refusedUrl', message: url.message };
            return;
        }
        this.presence = startPresenceClient({
            serviceUrl: url.url,
            token:
                first.token && first.expiresAt
                    ? { token: first.token, expiresAt: first.expiresAt }
                    : null,
            fetchToken: async () => {
                const token = await mint();
                if (!token) {
                    throw new Error(formatLabel(PRESENCE_LABELS.presenceOff, adapterName));
                }
                return token;
            },
            tabs: this.tabs,
            readSettings: () =>
                this.isReady && this.agentView ? presenceSettings(settings, this.agentView) : null,
            onLink: (link) => {
                if (run === this.run) {
                    this.presenceLink = link;
                }
            },
            onAction: (action) => this.handleBackstopAction(run, action),
            target: window,
            storage: openStorage()
        });
        if (this.isReady) {
            this.presence.beatNow();
        }
    }

    /** Shown once per action, acknowledged so the service stops repeating it; never acted on alone. */
    private handleBackstopAction(run: number, action: PresenceAction): void {
        if (run !== this.run) {
            return;
        }
        this.backstopNotice = noticeForAction(
            this.backstopNotice,
            action,
            this.handledBackstopActions
        );
        this.presence?.acknowledge(action.actionId);
    }

    private finishBackstopNotice(action: PresenceAction, restored: boolean): void {
        if (restored) {
            this.handledBackstopActions.add(action.actionId);
            this.backstopNotice = { kind: 'none' };
        } else {
            this.backstopNotice = { kind: 'restoreFailed', action, reason: 'refused' };
        }
    }

    private get heightPx(): number {
        const height = Number(this.height);
        return Number.isFinite(height) && height >= MIN_HEIGHT_PX
            ? Math.round(height)
            : DEFAULT_HEIGHT_PX;
    }

    /** The reasons an error carries, or a label saying it carried none (e.g. a script load Event). */
    private describe(error: unknown): string {
        const messages = reduceErrors(error);
        return messages.length > 0 ? messages.join(' ') : LABELS.unknownError;
    }
}

/**
 * What Streams gets: the policy's normalized URLs, and a CCP load timeout (the adapter's, else
 * Streams' default) that cannot outlast the time left before LOAD_DEADLINE_MS.
 */
function ccpSettingsFor(
    adapter: AcFeatureController.AdapterSettings,
    urls: { ccpUrl: string; loginUrl: string | null },
    remainingMs: number
): CcpSettings {
    const wantedMs = adapter.ccpLoadTimeoutSeconds
        ? adapter.ccpLoadTimeoutSeconds * 1000
        : STREAMS_DEFAULT_CCP_LOAD_TIMEOUT_MS;
    return {
        ccpUrl: urls.ccpUrl,
        softphoneAllowFramed: adapter.allowFramedSoftphone === true,
        ...(urls.loginUrl ? { loginUrl: urls.loginUrl } : {}),
        ...(adapter.region ? { region: adapter.region } : {}),
        ...(adapter.ccpLoadTimeoutSeconds || wantedMs > remainingMs
            ? { ccpLoadTimeoutMs: Math.max(1000, Math.min(wantedMs, remainingMs)) }
            : {})
    };
}

// HTML of the preview's pages: the Lightning console shell, the configuration page and the page
// Salesforce shows after logout. SLDS markup; no framework.
const SLDS_CSS = '/assets/styles/salesforce-lightning-design-system.min.css';
const ICONS = '/assets/icons';

export function escapeHtml(value) {
    return String(value ?? '').replace(
        /[&<>"']/g,
        (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]
    );
}

function icon(category, name, classes = 'slds-button__icon') {
    return `<svg class="${classes}" aria-hidden="true"><use href="${ICONS}/${category}-sprite/svg/symbols.svg#${name}"></use></svg>`;
}

function page({ title, body, head = '' }) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SLDS_CSS}">
<link rel="stylesheet" href="/preview/console.css">
${head}
</head>
${body}
</html>
`;
}

function field(label, value) {
    return `<div class="slds-form-element slds-form-element_readonly slds-form-element_stacked">
        <span class="slds-form-element__label">${escapeHtml(label)}</span>
        <div class="slds-form-element__control"><div class="slds-form-element__static">${escapeHtml(value)}</div></div>
    </div>`;
}

/**
 * The console app: global header with the user's Log Out link, navigation bar, a case record
 * page, and the utility bar with the softphone's panel open.
 * With `popout`, only the utility's panel shows: the window Lightning opens for "Pop out".
 * @param {{ tagName: string, namespace: string, componentUrl: string, properties: object,
 *   utilityLabel: string, popout?: boolean }} options
 */
export function consolePage(options) {
    const config = JSON.stringify({
        tagName: options.tagName,
        namespace: options.namespace,
        componentUrl: options.componentUrl,
        properties: options.properties
    }).replace(/</g, '\\u003c');
    const body = `<body class="preview-console${options.popout ? ' preview-popout' : ''}">
<header class="slds-global-header_container">
    <div class="slds-global-header slds-grid slds-grid_align-spread">
        <div class="slds-global-header__item">
            <div class="slds-global-header__logo"><span class="slds-assistive-text">Salesforce (local preview)</span></div>
        </div>
        <div class="slds-global-header__item slds-global-header__item_search">
            <div class="slds-form-element">
                <label class="slds-assistive-text" for="global-search">Search</label>
                <div class="slds-form-element__control slds-input-has-icon slds-input-has-icon_left">
                    ${icon('utility', 'search', 'slds-icon slds-input__icon slds-input__icon_left slds-icon-text-default')}
                    <input type="search" id="global-search" class="slds-input" placeholder="Search...">
                </div>
            </div>
        </div>
        <div class="slds-global-header__item">
            <ul class="slds-global-actions">
                <li class="slds-global-actions__item"><span class="slds-text-body_small preview-user">Avery Agent</span></li>
                <li class="slds-global-actions__item">
                    <a class="slds-button slds-button_neutral" href="/secur/logout.jsp" data-logout>Log Out</a>
                </li>
            </ul>
        </div>
    </div>
    <div class="slds-context-bar">
        <div class="slds-context-bar__primary">
            <div class="slds-context-bar__item slds-context-bar__dropdown-trigger slds-dropdown-trigger slds-dropdown-trigger_click slds-no-hover">
                <div class="slds-context-bar__icon-action">
                    <button class="slds-button slds-icon-waffle_container slds-context-bar__button" title="App Launcher" type="button">
                        <span class="slds-icon-waffle">${'<span class="slds-r1"></span><span class="slds-r2"></span><span class="slds-r3"></span><span class="slds-r4"></span><span class="slds-r5"></span><span class="slds-r6"></span><span class="slds-r7"></span><span class="slds-r8"></span><span class="slds-r9"></span>'}</span>
                        <span class="slds-assistive-text">Open App Launcher</span>
                    </button>
                </div>
                <span class="slds-context-bar__label-action slds-context-bar__app-name">
                    <span class="slds-truncate" title="Service Console">Service Console</span>
                </span>
            </div>
        </div>
        <nav class="slds-context-bar__secondary" role="navigation">
            <ul class="slds-grid">
                <li class="slds-context-bar__item"><a href="#" class="slds-context-bar__label-action">Home</a></li>
                <li class="slds-context-bar__item slds-is-active"><a href="#" class="slds-context-bar__label-action" aria-current="page">Cases</a></li>
                <li class="slds-context-bar__item"><a href="#" class="slds-context-bar__label-action">Contacts</a></li>
            </ul>
        </nav>
    </div>
</header>

<main class="preview-main slds-p-around_medium">
    <div class="slds-notify slds-notify_alert slds-alert_warning" role="status" data-preview-lws-off hidden>
        <h2>Diagnostic mode: the component runs WITHOUT Lightning Web Security (?lws=off).</h2>
    </div>
    <div class="slds-notify slds-notify_alert slds-alert_error" role="alert" data-preview-error hidden>
        <h2>The preview could not start the component: <span data-preview-error-text></span></h2>
    </div>
    <div class="slds-page-header slds-page-header_record-home">
        <div class="slds-page-header__row">
            <div class="slds-page-header__col-title">
                <div class="slds-media">
                    <div class="slds-media__figure">
                        <span class="slds-icon_container slds-icon-standard-case">${icon('standard', 'case', 'slds-icon slds-page-header__icon')}</span>
                    </div>
                    <div class="slds-media__body">
                        <span class="slds-page-header__name-meta">Case</span>
                        <h1 class="slds-page-header__title slds-truncate">00001026 · Cannot reach support by phone</h1>
                    </div>
                </div>
            </div>
        </div>
        <div class="slds-page-header__row slds-page-header__row_gutters">
            <ul class="slds-page-header__detail-row">
                <li class="slds-page-header__detail-block"><div class="slds-text-title">Status</div><div>New</div></li>
                <li class="slds-page-header__detail-block"><div class="slds-text-title">Priority</div><div>High</div></li>
                <li class="slds-page-header__detail-block"><div class="slds-text-title">Contact</div><div>Haruka Sato</div></li>
            </ul>
        </div>
    </div>
    <article class="slds-card slds-m-top_medium">
        <div class="slds-card__header"><h2 class="slds-card__header-title">Details</h2></div>
        <div class="slds-card__body slds-card__body_inner slds-grid slds-wrap slds-gutters">
            <div class="slds-col slds-size_1-of-2">${field('Subject', 'Cannot reach support by phone')}${field('Origin', 'Phone')}</div>
            <div class="slds-col slds-size_1-of-2">${field('Case Owner', 'Avery Agent')}${field('Account', 'Example Trading Co.')}</div>
        </div>
    </article>
</main>

<footer class="slds-utility-bar_container" aria-label="Utility Bar">
    <h2 class="slds-assistive-text">Utility Bar</h2>
    <ul class="slds-utility-bar">
        <li class="slds-utility-bar__item">
            <button type="button" class="slds-button slds-utility-bar__action slds-is-active" aria-pressed="true"
                aria-expanded="true" aria-controls="utility-panel-softphone" data-utility-toggle>
                ${icon('utility', 'call', 'slds-button__icon slds-button__icon_left')}
                <span class="slds-utility-bar__text" data-utility-label>${escapeHtml(options.utilityLabel)}</span>
            </button>
        </li>
    </ul>
    <section class="slds-utility-panel slds-grid slds-grid_vertical slds-is-open preview-utility-panel" role="dialog"
        aria-labelledby="utility-panel-softphone-label" id="utility-panel-softphone" aria-hidden="false" data-utility-panel>
        <div class="slds-utility-panel__header slds-grid slds-shrink-none">
            <div class="slds-media slds-media_center">
                <div class="slds-media__figure slds-m-right_x-small">
                    <span class="slds-icon_container">${icon('utility', 'call', 'slds-icon slds-icon_x-small slds-icon-text-default')}</span>
                </div>
                <div class="slds-media__body">
                    <h2 id="utility-panel-softphone-label" data-utility-panel-label>${escapeHtml(options.utilityLabel)}</h2>
                </div>
            </div>
            <div class="slds-col_bump-left slds-shrink-none">
                <button type="button" class="slds-button slds-button_icon slds-button_icon" title="Minimize" data-utility-minimize>
                    ${icon('utility', 'minimize_window')}
                    <span class="slds-assistive-text">Minimize</span>
                </button>
            </div>
        </div>
        <div class="slds-utility-panel__body" data-utility-body></div>
    </section>
</footer>
<script type="application/json" id="preview-config">${config}</script>
<script src="/preview/shell.js"></script>
</body>`;
    if (options.popout) {
        // Lightning's "Pop out" window: the utility's panel alone, the same component in a new tab.
        return page({
            title: `${options.utilityLabel} | Salesforce (local preview)`,
            body,
            head: `<style>
.preview-popout header, .preview-popout main, .preview-popout .slds-utility-bar { display: none; }
.preview-popout .preview-utility-panel { position: static; width: 100%; height: 100vh; }
</style>`
        });
    }
    return page({ title: 'Cases | Service Console | Salesforce (local preview)', body });
}

/** What Salesforce shows after /secur/logout.jsp. */
export function loggedOutPage({ consoleUrl }) {
    return page({
        title: 'Login | Salesforce (local preview)',
        body: `<body class="preview-login">
<main class="slds-align_absolute-center preview-login-main">
    <div class="slds-box slds-theme_default slds-p-around_large preview-login-box">
        <h1 class="slds-text-heading_medium slds-m-bottom_small">You have logged out</h1>
        <p class="slds-m-bottom_medium">You have logged out of Salesforce (local preview).</p>
        <a class="slds-button slds-button_brand" href="${escapeHtml(consoleUrl)}">Log In</a>
    </div>
</main>
</body>`
    });
}

function textInput({ id, name, label, value, type = 'text', required = false, help = '' }) {
    return `<div class="slds-form-element slds-m-bottom_small">
        <label class="slds-form-element__label" for="${id}">${required ? '<abbr class="slds-required" title="required">* </abbr>' : ''}${escapeHtml(label)}</label>
        <div class="slds-form-element__control">
            <input class="slds-input" type="${type}" id="${id}" name="${name}" value="${escapeHtml(value)}"${required ? ' required' : ''}${help ? ` aria-describedby="${id}-help"` : ''}>
        </div>
        ${help ? `<div class="slds-form-element__help" id="${id}-help">${escapeHtml(help)}</div>` : ''}
    </div>`;
}

function checkbox({ id, name, label, checked }) {
    return `<div class="slds-form-element slds-m-bottom_small">
        <div class="slds-form-element__control"><div class="slds-checkbox">
            <input type="checkbox" id="${id}" name="${name}" value="on"${checked ? ' checked' : ''}>
            <label class="slds-checkbox__label" for="${id}"><span class="slds-checkbox_faux"></span><span class="slds-form-element__label">${escapeHtml(label)}</span></label>
        </div></div>
    </div>`;
}

function featureRow(adapterIndex, feature, featureIndex) {
    const prefix = `adapters[${adapterIndex}][features][${featureIndex}]`;
    const id = `a${adapterIndex}-f${featureIndex}`;
    const isNew = !feature.id;
    return `<fieldset class="slds-box slds-box_small slds-m-bottom_small">
        <legend class="slds-text-title_bold">${isNew ? 'New AC Feature' : `AC Feature ${escapeHtml(feature.name)}`}</legend>
        ${feature.id ? `<input type="hidden" name="${prefix}[id]" value="${escapeHtml(feature.id)}">` : ''}
        ${textInput({ id: `${id}-name`, name: `${prefix}[name]`, label: 'AC Feature Name', value: feature.name ?? '' })}
        <div class="slds-form-element slds-m-bottom_small">
            <label class="slds-form-element__label" for="${id}-value">Value</label>
            <div class="slds-form-element__control">
                <textarea class="slds-textarea" id="${id}-value" name="${prefix}[value]" rows="6">${escapeHtml(feature.value ?? '')}</textarea>
            </div>
        </div>
        ${checkbox({ id: `${id}-active`, name: `${prefix}[active]`, label: 'Active', checked: feature.active })}
        ${isNew ? '' : checkbox({ id: `${id}-delete`, name: `${prefix}[delete]`, label: 'Delete this feature', checked: false })}
    </fieldset>`;
}

function adapterSection(adapter, index, regions) {
    const prefix = `adapters[${index}]`;
    const id = `a${index}`;
    const isNew = !adapter.id;
    const regionOptions = ['', ...regions]
        .map(
            (region) =>
                `<option value="${escapeHtml(region)}"${region === (adapter.region ?? '') ? ' selected' : ''}>${region ? escapeHtml(region) : '--None--'}</option>`
        )
        .join('');
    const features = [...adapter.features, { name: '', value: '', active: true }]
        .map((feature, featureIndex) => featureRow(index, feature, featureIndex))
        .join('\n');
    return `<section class="slds-card slds-m-bottom_medium" aria-labelledby="${id}-title">
        <div class="slds-card__header"><h2 class="slds-card__header-title" id="${id}-title">${isNew ? 'New AC CTI Adapter' : `AC CTI Adapter ${escapeHtml(adapter.name)}`}</h2></div>
        <div class="slds-card__body slds-card__body_inner">
            ${adapter.id ? `<input type="hidden" name="${prefix}[id]" value="${escapeHtml(adapter.id)}">` : ''}
            ${textInput({ id: `${id}-name`, name: `${prefix}[name]`, label: 'AC CTI Adapter Name', value: adapter.name ?? '', required: !isNew })}
            ${textInput({ id: `${id}-ccp`, name: `${prefix}[ccpUrl]`, label: 'CCP URL', value: adapter.ccpUrl ?? '', type: 'url', required: !isNew })}
            ${textInput({ id: `${id}-domains`, name: `${prefix}[customCcpDomains]`, label: 'Custom CCP Domains', value: adapter.customCcpDomains ?? '', help: 'Only for a CCP outside *.my.connect.aws / *.awsapps.com: its host names, comma-separated.' })}
            ${textInput({ id: `${id}-saml`, name: `${prefix}[samlLoginUrl]`, label: 'SAML Login URL', value: adapter.samlLoginUrl ?? '', type: 'url' })}
            <div class="slds-form-element slds-m-bottom_small">
                <label class="slds-form-element__label" for="${id}-region">Amazon Connect Instance Region</label>
                <div class="slds-form-element__control"><div class="slds-select_container">
                    <select class="slds-select" id="${id}-region" name="${prefix}[region]">${regionOptions}</select>
                </div></div>
            </div>
            <input type="hidden" name="${prefix}[allowFramedSoftphone]" value="false">
            ${checkbox({ id: `${id}-framed`, name: `${prefix}[allowFramedSoftphone]`, label: 'Softphone Allow Framed', checked: adapter.allowFramedSoftphone !== false })}
            ${textInput({ id: `${id}-timeout`, name: `${prefix}[ccpLoadTimeoutSeconds]`, label: 'CCP Load Timeout (seconds)', value: adapter.ccpLoadTimeoutSeconds ?? '', type: 'number' })}
            <h3 class="slds-text-heading_small slds-m-vertical_small">Presence Backstop</h3>
            ${textInput({ id: `${id}-presence-url`, name: `${prefix}[presenceServiceUrl]`, label: 'Presence Service URL', value: adapter.presenceServiceUrl ?? '', type: 'url' })}
            ${textInput({ id: `${id}-presence-cert`, name: `${prefix}[presenceCertificateName]`, label: 'Presence Certificate Name', value: adapter.presenceCertificateName ?? '' })}
            ${textInput({ id: `${id}-presence-field`, name: `${prefix}[presenceUsernameField]`, label: 'Presence Username Field', value: adapter.presenceUsernameField ?? '' })}
            <input type="hidden" name="${prefix}[presenceUsernameStripDomain]" value="false">
            ${checkbox({ id: `${id}-presence-strip`, name: `${prefix}[presenceUsernameStripDomain]`, label: 'Presence Username Strip Domain', checked: adapter.presenceUsernameStripDomain === true })}
            ${isNew ? '' : checkbox({ id: `${id}-delete`, name: `${prefix}[delete]`, label: 'Delete this adapter', checked: false })}
            <h3 class="slds-text-heading_small slds-m-vertical_small">Features</h3>
            ${features}
        </div>
    </section>`;
}

/**
 * The admin's view of the records: every adapter with its Features, plus a blank adapter.
 * @param {{ config: { adapters: object[] }, regions: string[], message?: string,
 *   errors?: string[], consoleUrl: string }} options
 */
export function configPage({ config, regions, message, errors = [], consoleUrl }) {
    const sections = [
        ...config.adapters,
        { name: '', ccpUrl: '', allowFramedSoftphone: true, features: [] }
    ]
        .map((adapter, index) => adapterSection(adapter, index, regions))
        .join('\n');
    const notice = errors.length
        ? `<div class="slds-notify slds-notify_alert slds-alert_error slds-m-bottom_medium" role="alert"><h2>Not saved: ${errors.map(escapeHtml).join('; ')}</h2></div>`
        : message
          ? `<div class="slds-notify slds-notify_alert slds-theme_success slds-m-bottom_medium" role="status"><h2>${escapeHtml(message)}</h2></div>`
          : '';
    return page({
        title: 'AC CTI Adapters | Setup (local preview)',
        body: `<body class="preview-config">
<main class="slds-p-around_large preview-config-main">
    <div class="slds-page-header slds-m-bottom_medium">
        <h1 class="slds-page-header__title">AC CTI Adapters and AC Features</h1>
        <p class="slds-page-header__name-meta">The records the softphone reads through AcFeatureController.getSoftphoneConfig. Saved in memory until the preview stops. <a href="${escapeHtml(consoleUrl)}">Open the console</a> · <a href="/api/config">JSON</a></p>
    </div>
    ${notice}
    <form method="post" action="/config">
        ${sections}
        <button class="slds-button slds-button_brand" type="submit">Save</button>
    </form>
</main>
</body>`
    });
}

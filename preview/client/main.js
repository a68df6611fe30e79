// The console page's own code (outside any sandbox): LWC engine with synthetic shadow as in
// Lightning Experience, LWS feature gates as the platform sets them, the utility bar, and the
// softphone component loaded into the `c` namespace sandbox.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';
import { outerModules } from 'preview:outer-modules';
import { loadSandboxedModule } from './namespaceLoader.js';
import { utilityBar } from './utilityBar.js';

registerGaterEnabledFeatures(LWS_DEFAULT_GATER_FEATURES);

function showHarnessError(error) {
    document.documentElement.dataset.previewState = 'error';
    const banner = document.querySelector('[data-preview-error]');
    banner.hidden = false;
    banner.querySelector('[data-preview-error-text]').textContent = String(error?.stack ?? error);
    console.error(error);
}

async function mountComponent() {
    const config = JSON.parse(document.getElementById('preview-config').textContent);
    // `?lws=off` is a diagnostic: the same compiled code run in the page, to tell LWS effects
    // apart from the component's own behaviour. The page says so in a banner.
    const sandboxed = new URLSearchParams(window.location.search).get('lws') !== 'off';
    document.documentElement.dataset.previewLws = sandboxed ? 'on' : 'off';
    document.querySelector('[data-preview-lws-off]').hidden = sandboxed;
    utilityBar.attach(document);
    const Component = await loadSandboxedModule({
        url: config.componentUrl,
        key: config.namespace,
        modules: outerModules,
        sandboxed
    });
    const element = createElement(config.tagName, { is: Component });
    Object.assign(element, config.properties);
    utilityBar.body.appendChild(element);
    document.documentElement.dataset.previewState = 'mounted';
}

mountComponent().catch(showHarnessError);

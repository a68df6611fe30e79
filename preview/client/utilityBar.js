// The console's utility bar: one utility (the softphone) whose panel opens and minimizes like
// Lightning's. A minimized panel stays rendered (only moved off screen), as in Lightning, so the
// component and its CCP keep running. Also backs the lightning/platformUtilityBarApi stand-in.
const UTILITY_ID = 'preview-softphone-utility';

class UtilityBarController {
    id = UTILITY_ID;
    #clickHandlers = new Set();
    #toggleButton = null;
    #panel = null;
    #label = null;
    #panelHeader = null;
    #highlighted = false;
    #icon = 'call';

    /** @param {ParentNode} root the document holding the utility bar markup */
    attach(root) {
        this.#toggleButton = root.querySelector('[data-utility-toggle]');
        this.#panel = root.querySelector('[data-utility-panel]');
        this.#label = root.querySelector('[data-utility-label]');
        this.#panelHeader = root.querySelector('[data-utility-panel-label]');
        this.#toggleButton.addEventListener('click', () => this.#toggleFromBar());
        root.querySelector('[data-utility-minimize]').addEventListener('click', () =>
            this.minimize(UTILITY_ID)
        );
    }

    /** Where the utility's component is rendered. */
    get body() {
        return this.#panel.querySelector('[data-utility-body]');
    }

    isOpen() {
        return this.#panel.classList.contains('slds-is-open');
    }

    open(utilityId) {
        return this.#setOpen(utilityId, true);
    }

    minimize(utilityId) {
        return this.#setOpen(utilityId, false);
    }

    update(utilityId, { label, icon, highlighted } = {}) {
        if (utilityId !== UTILITY_ID) {
            return false;
        }
        if (typeof label === 'string') {
            this.#label.textContent = label;
            this.#panelHeader.textContent = label;
        }
        if (typeof icon === 'string') {
            this.#icon = icon;
            this.#toggleButton
                .querySelector('use')
                .setAttribute('href', `/assets/icons/utility-sprite/svg/symbols.svg#${icon}`);
        }
        if (typeof highlighted === 'boolean') {
            this.#highlighted = highlighted;
            this.#toggleButton
                .closest('.slds-utility-bar__item')
                .classList.toggle('slds-has-notification', highlighted);
        }
        return true;
    }

    updatePanel(utilityId, { heightPX, widthPX, headerLabel } = {}) {
        if (utilityId !== UTILITY_ID) {
            return false;
        }
        if (Number.isFinite(heightPX)) {
            this.#panel.style.height = `${heightPX}px`;
        }
        if (Number.isFinite(widthPX)) {
            this.#panel.style.width = `${widthPX}px`;
        }
        if (typeof headerLabel === 'string') {
            this.#panelHeader.textContent = headerLabel;
        }
        return true;
    }

    onClick(utilityId, handler) {
        if (utilityId !== UTILITY_ID || typeof handler !== 'function') {
            return false;
        }
        this.#clickHandlers.add(handler);
        return true;
    }

    info() {
        return {
            id: UTILITY_ID,
            isLoaded: true,
            panelVisible: this.isOpen(),
            utilityVisible: this.isOpen(),
            utilityLabel: this.#label.textContent,
            utilityIcon: this.#icon,
            utilityHighlighted: this.#highlighted,
            isPoppedOut: false
        };
    }

    #toggleFromBar() {
        this.#setOpen(UTILITY_ID, !this.isOpen());
        for (const handler of this.#clickHandlers) {
            try {
                handler({ panelVisible: this.isOpen() });
            } catch (error) {
                console.error('onUtilityClick handler failed', error);
            }
        }
    }

    #setOpen(utilityId, open) {
        if (utilityId !== UTILITY_ID) {
            return false;
        }
        this.#panel.classList.toggle('slds-is-open', open);
        this.#panel.setAttribute('aria-hidden', String(!open));
        this.#toggleButton.classList.toggle('slds-is-active', open);
        this.#toggleButton.setAttribute('aria-pressed', String(open));
        this.#toggleButton.setAttribute('aria-expanded', String(open));
        return true;
    }
}

export const utilityBar = new UtilityBarController();

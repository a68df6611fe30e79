// Stand-in for lightning-icon: an SLDS sprite icon, decorative unless alternativeText is given.
import { LightningElement, api } from 'lwc';
import { iconContainerClass, iconSpriteHref } from 'lightning/iconSprites';

const SIZES = new Set(['xx-small', 'x-small', 'small', 'medium', 'large']);
const TEXT_VARIANTS = new Set(['warning', 'error', 'success', 'light']);

export default class Icon extends LightningElement {
    @api iconName;
    @api alternativeText;
    @api title;
    @api size = 'medium';
    @api variant;

    get href() {
        return iconSpriteHref(this.iconName);
    }

    get isUtility() {
        return String(this.iconName).startsWith('utility:');
    }

    get containerClass() {
        const classes = ['slds-icon_container'];
        if (!this.isUtility) {
            classes.push(iconContainerClass(this.iconName));
        }
        return classes.join(' ');
    }

    get svgClass() {
        const classes = ['slds-icon'];
        if (SIZES.has(this.size) && this.size !== 'medium') {
            classes.push(`slds-icon_${this.size}`);
        }
        if (this.variant === 'inverse') {
            // White icon: no text colour class.
        } else if (TEXT_VARIANTS.has(this.variant)) {
            classes.push(`slds-icon-text-${this.variant === 'light' ? 'light' : this.variant}`);
        } else if (this.isUtility) {
            classes.push('slds-icon-text-default');
        }
        return classes.join(' ');
    }
}

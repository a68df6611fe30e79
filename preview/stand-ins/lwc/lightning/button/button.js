// Stand-in for the base component lightning-button: the SLDS button blueprint, no more.
// Like the real one it runs outside the component's LWS sandbox (lightning namespace).
import { LightningElement, api } from 'lwc';
import { iconSpriteHref } from 'lightning/iconSprites';

const VARIANT_CLASSES = {
    base: '',
    neutral: 'slds-button_neutral',
    brand: 'slds-button_brand',
    'brand-outline': 'slds-button_outline-brand',
    destructive: 'slds-button_destructive',
    'destructive-text': 'slds-button_text-destructive',
    inverse: 'slds-button_inverse',
    success: 'slds-button_success'
};

export default class Button extends LightningElement {
    @api label;
    @api title;
    @api name;
    @api value;
    @api variant = 'neutral';
    @api iconName;
    @api iconPosition = 'left';
    @api disabled = false;
    @api type = 'button';
    @api stretch = false;

    get buttonClass() {
        const classes = ['slds-button', VARIANT_CLASSES[this.variant] ?? 'slds-button_neutral'];
        if (this.stretch) {
            classes.push('slds-button_stretch');
        }
        return classes.filter(Boolean).join(' ');
    }

    get ariaLabel() {
        // An icon-only button still needs a name for screen readers.
        return this.label ? null : this.title;
    }

    get iconHref() {
        return iconSpriteHref(this.iconName);
    }

    get showIconLeft() {
        return Boolean(this.iconName) && this.iconPosition !== 'right';
    }

    get showIconRight() {
        return Boolean(this.iconName) && this.iconPosition === 'right';
    }

    @api
    focus() {
        this.template.querySelector('button')?.focus();
    }

    @api
    click() {
        this.template.querySelector('button')?.click();
    }
}

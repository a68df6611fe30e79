// Stand-in for lightning-spinner: the SLDS spinner with its status role and assistive text.
import { LightningElement, api } from 'lwc';

export default class Spinner extends LightningElement {
    @api alternativeText = 'Loading';
    @api size = 'medium';
    @api variant = 'base';

    get spinnerClass() {
        const classes = ['slds-spinner', `slds-spinner_${this.size}`];
        if (this.variant === 'brand') {
            classes.push('slds-spinner_brand');
        } else if (this.variant === 'inverse') {
            classes.push('slds-spinner_inverse');
        }
        return classes.join(' ');
    }
}

// Where the SLDS icon sprites are served by the preview server (see preview/server/routes.mjs).
const SPRITE_BASE = '/assets/icons';

/**
 * @param {string | undefined} iconName e.g. 'utility:warning'
 * @returns {string | undefined} the sprite URL with the symbol, e.g. '/assets/icons/utility-sprite/svg/symbols.svg#warning'
 */
export function iconSpriteHref(iconName) {
    const [category, name] = String(iconName ?? '').split(':');
    if (!category || !name) {
        return undefined;
    }
    return `${SPRITE_BASE}/${category}-sprite/svg/symbols.svg#${name}`;
}

/**
 * @param {string | undefined} iconName e.g. 'standard:call'
 * @returns {string} the SLDS class that colours a standard/action icon's background
 */
export function iconContainerClass(iconName) {
    const [category, name] = String(iconName ?? '').split(':');
    return category && name ? `slds-icon-${category}-${name.replace(/_/g, '-')}` : '';
}

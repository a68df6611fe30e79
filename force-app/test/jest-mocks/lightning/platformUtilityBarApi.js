// sfdx-lwc-jest ships no stub for this module; tests replace these with jest.fn() where they care.
export const getEnclosingUtilityId = () => Promise.resolve(null);
export const setUtilityLabel = () => Promise.resolve();
export const setUtilityHighlighted = () => Promise.resolve();
export const onUtilityClick = () => Promise.resolve();
export const openUtility = () => Promise.resolve();
export const minimize = () => Promise.resolve();

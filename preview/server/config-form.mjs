// Turns the /config form (fields named like `adapters[0][features][1][value]`) into the
// `{ adapters: [...] }` shape the config store accepts. Blank "new" rows and rows marked
// for deletion are dropped.

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target, path, value) {
    let node = target;
    path.forEach((key, index) => {
        if (index === path.length - 1) {
            // Later fields win: a checkbox comes after its hidden "false" companion.
            node[key] = value;
            return;
        }
        node[key] ??= {};
        node = node[key];
    });
}

/** Objects keyed 0..n become arrays, in index order. */
function toArrays(node) {
    if (!node || typeof node !== 'object') {
        return node;
    }
    const keys = Object.keys(node);
    if (keys.length && keys.every((key) => /^\d+$/.test(key))) {
        return keys.sort((a, b) => Number(a) - Number(b)).map((key) => toArrays(node[key]));
    }
    return Object.fromEntries(keys.map((key) => [key, toArrays(node[key])]));
}

function withoutDeleteMark(record) {
    const copy = { ...record };
    delete copy.delete;
    return copy;
}

function isBlank(value) {
    return value === undefined || String(value).trim() === '';
}

/**
 * @param {URLSearchParams} form
 * @returns {{ adapters: object[] }}
 */
export function parseConfigForm(form) {
    const raw = {};
    for (const [name, value] of form) {
        const path = name.match(/[^[\]]+/g);
        if (path && !path.some((key) => UNSAFE_KEYS.has(key))) {
            setPath(raw, path, value);
        }
    }
    const adapters = toArrays(raw).adapters ?? [];
    return {
        adapters: (Array.isArray(adapters) ? adapters : [])
            .filter((adapter) => adapter.delete !== 'on')
            .filter((adapter) => adapter.id || !isBlank(adapter.name) || !isBlank(adapter.ccpUrl))
            .map((adapter) => ({
                ...withoutDeleteMark(adapter),
                features: (Array.isArray(adapter.features) ? adapter.features : [])
                    .filter((feature) => feature.delete !== 'on')
                    .filter(
                        (feature) => feature.id || !isBlank(feature.name) || !isBlank(feature.value)
                    )
                    .map((feature) => ({
                        ...withoutDeleteMark(feature),
                        active: feature.active === 'on'
                    }))
            }))
    };
}

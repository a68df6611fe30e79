// Loads a namespace's compiled modules the way Lightning does under Lightning Web Security:
// the module arrives as an AMD `define(id, deps, factory)`; the factory is never run in the page.
// Its source is evaluated in the namespace's sandbox with LWS's evaluateFunction, and every
// dependency handed to it first goes through LWS's wrapDependency (which swaps `lwc` for a
// facade and lightning/platformResourceLoader for a loader that evaluates scripts inside the
// sandbox). The LWC engine, base components and platform modules stay outside, in the page.
import { evaluateFunction, wrapDependency } from '@locker/sandbox';

function instantiate({ id, deps, factory }, key, modules, sandboxed) {
    const exportsObject = {};
    const depValues = deps.map((name) => {
        if (name === 'exports') {
            return exportsObject;
        }
        if (!(name in modules)) {
            throw new Error(`${id} imports ${name}, which the preview does not provide`);
        }
        return sandboxed ? wrapDependency(modules[name], name, key) : modules[name];
    });
    const moduleFactory = sandboxed
        ? evaluateFunction(key, factory, {}, `\n//# sourceURL=${id}.js`)
        : factory;
    const returned = moduleFactory(...depValues);
    return deps.includes('exports') ? exportsObject : returned;
}

/**
 * @param {{ url: string, key: string, modules: Record<string, unknown>, sandboxed?: boolean }} options
 *   url of the AMD file, sandbox key (the namespace, `c` for unmanaged code), outside modules by
 *   name; sandboxed false runs the module in the page, for comparing behaviour without LWS
 * @returns {Promise<unknown>} the module's value (its default export for a component)
 */
export function loadSandboxedModule({ url, key, modules, sandboxed = true }) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        let definition = null;
        // `define` exists only while this one script runs; the factory object it receives is
        // used for its source text only.
        window.define = (id, deps, factory) => {
            definition = { id, deps, factory };
        };
        window.define.amd = true;
        const cleanUp = () => {
            delete window.define;
            script.remove();
        };
        script.addEventListener('load', () => {
            cleanUp();
            if (!definition) {
                reject(new Error(`${url} did not call define()`));
                return;
            }
            try {
                resolve(instantiate(definition, key, modules, sandboxed));
            } catch (error) {
                reject(error);
            }
        });
        script.addEventListener('error', () => {
            cleanUp();
            reject(new Error(`Could not load ${url}`));
        });
        script.src = url;
        document.head.appendChild(script);
    });
}

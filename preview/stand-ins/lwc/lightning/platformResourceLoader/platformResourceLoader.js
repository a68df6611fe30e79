// Stand-in for lightning/platformResourceLoader as the platform runs it for code outside LWS:
// one <script>/<link> per URL in <head>. Sandboxed namespaces never call this directly: the preview
// wraps it with LWS's wrapDependency, whose loadScript evaluates the script inside the sandbox.
const loads = new Map();

function load(url, createElement) {
    const href = new URL(String(url), document.baseURI).href;
    if (!loads.has(href)) {
        loads.set(
            href,
            new Promise((resolve, reject) => {
                const element = createElement(href);
                element.addEventListener('load', () => resolve(undefined));
                element.addEventListener('error', () => {
                    loads.delete(href);
                    reject(new Error(`Failed to load ${href}`));
                });
                document.head.appendChild(element);
            })
        );
    }
    return loads.get(href);
}

export function loadScript(_component, url) {
    return load(url, (href) => {
        const script = document.createElement('script');
        script.src = href;
        return script;
    });
}

export function loadStyle(_component, url) {
    return load(url, (href) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        return link;
    });
}

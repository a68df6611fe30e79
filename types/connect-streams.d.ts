// Types for the `connect` global that amazon-connect-streams defines. Its index.d.ts declares a global
// `namespace connect` (a script, not a module), so it is referenced here rather than imported.
/// <reference path="../node_modules/amazon-connect-streams/src/index.d.ts" />

interface Window {
    /**
     * Set by the Streams script. Under Lightning Web Security it is visible only as `window.connect`
     * inside the component's sandbox; only `c/streamsClient` reads it.
     */
    connect?: typeof connect;
}

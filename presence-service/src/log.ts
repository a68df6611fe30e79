// One JSON line per event, with ids (org, username, Connect user id, browser id, action id) and
// never a token or a request body.
export type Log = (event: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (event, fields = {}) => {
    console.log(JSON.stringify({ event, ...fields }));
};

export const silentLog: Log = () => {};

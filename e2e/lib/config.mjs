// The AC CTI Adapter / AC Feature records the softphone reads, set through the preview's
// configuration API (`PUT /api/config`) before the console loads.

export const FEATURE_NAME = 'SetAgentStatusOnSessionEnd';

/**
 * Changes the seed's SetAgentStatusOnSessionEnd record (and adapter fields, if given).
 * @param {string} origin the preview's origin
 * @param {{ value?: string | null, active?: boolean, adapter?: object }} change
 */
export async function configureFeature(origin, { value, active, adapter = {} }) {
    const current = await (await fetch(new URL('/api/config', origin))).json();
    const [seedAdapter, ...others] = current.adapters;
    const features = seedAdapter.features.map((feature) =>
        feature.name === FEATURE_NAME
            ? {
                  ...feature,
                  ...(value !== undefined ? { value } : {}),
                  ...(active !== undefined ? { active } : {})
              }
            : feature
    );
    const response = await fetch(new URL('/api/config', origin), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ adapters: [{ ...seedAdapter, ...adapter, features }, ...others] })
    });
    const answer = await response.json();
    if (!response.ok) {
        throw new Error(`PUT /api/config refused: ${JSON.stringify(answer.errors ?? answer)}`);
    }
    return answer;
}

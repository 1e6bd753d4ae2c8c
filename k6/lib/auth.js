// Bearer tokens for the k6 scripts. The apps started by `./dev run` (profile `local`) mint tokens for any user at
// POST /api/dev/tokens; that endpoint exists only under the `local` and `loadtest` profiles. Minting is never part
// of a measured request's latency: scripts mint in setup() where they can, and the minting request is tagged
// `name: dev token`.
import http from 'k6/http';

export function devToken(commandUrl, subject, roles) {
    const res = http.post(`${commandUrl}/api/dev/tokens`, JSON.stringify({ subject, roles: roles || ['CLIENT'] }),
        { headers: { 'Content-Type': 'application/json' }, tags: { name: 'dev token' } });
    if (res.status !== 200 && res.status !== 201) {
        throw new Error(`minting a token for ${subject} answered ${res.status}: ${res.body}`
            + ' (is the command side running with the local profile, as ./dev run starts it?)');
    }
    return res.json('token');
}

// `headers` plus the bearer token.
export function withToken(token, headers) {
    return Object.assign({ Authorization: `Bearer ${token}` }, headers || {});
}

// Coupon issuing under load, for users who have k6 (https://k6.io):
//
//   k6 run k6/coupon-race.js
//   k6 run -e COMMAND_URL=http://host:8081 -e QUERY_URL=http://host:8082 k6/coupon-race.js
//
// Three scenarios, one after another:
//   race        100 VUs × 1 iteration, all at once, on a 50-coupon: exactly 50 may get a 201,
//               the other 50 a 409 COUPON_SOLD_OUT; p99 under 50 ms.
//   sequential  1 VU issuing 100 in a row (a new user each) on a 100-coupon.
//   ramp        ramping VUs 0→20→50→0, each looping issues for new users on a huge coupon.
// teardown() then asks the eventually consistent query side for the race coupon and checks it
// settles at the number of 201s the race saw (50).
//
// Machines without k6 run the same scenarios with the Java runner: ./dev bench
// (benchmarks/, see k6/README.md).

import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import { devToken, withToken } from './lib/auth.js';

const COMMAND_URL = (__ENV.COMMAND_URL || 'http://127.0.0.1:8081').replace(/\/+$/, '');
const QUERY_URL = (__ENV.QUERY_URL || 'http://127.0.0.1:8082').replace(/\/+$/, '');

const RACE_CLIENTS = 100;
const RACE_QUANTITY = 50;
const SEQUENTIAL_REQUESTS = 100;
const HUGE_QUANTITY = 1000000;
const SETTLE_SECONDS = 10;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };

// 201s seen in the race: must never exceed the coupon's quantity.
const raceIssued = new Counter('race_issued');
// 409 COUPON_SOLD_OUT answers in the race.
const raceSoldOut = new Counter('race_sold_out');
// race answers that were neither a 201 nor a 409 COUPON_SOLD_OUT.
const raceUnexpected = new Counter('race_unexpected');
// 1 when the query side did not settle at the race's quantity within SETTLE_SECONDS (teardown).
const raceQueryMismatch = new Counter('race_query_mismatch');

export const options = {
    scenarios: {
        race: {
            executor: 'per-vu-iterations',
            exec: 'race',
            vus: RACE_CLIENTS,
            iterations: 1,
            startTime: '0s',
            maxDuration: '15s',
        },
        sequential: {
            executor: 'per-vu-iterations',
            exec: 'sequential',
            vus: 1,
            iterations: SEQUENTIAL_REQUESTS,
            startTime: '15s',
            maxDuration: '60s',
        },
        ramp: {
            executor: 'ramping-vus',
            exec: 'ramp',
            startVUs: 0,
            stages: [
                { duration: '10s', target: 20 },
                { duration: '20s', target: 50 },
                { duration: '10s', target: 0 },
            ],
            gracefulRampDown: '5s',
            startTime: '75s',
        },
    },
    thresholds: {
        'http_req_duration{scenario:race}': ['p(99)<50'],
        checks: ['rate>0.99'],
        'checks{scenario:race}': ['rate==1'],
        race_issued: [`count<=${RACE_QUANTITY}`],
        race_unexpected: ['count==0'],
        race_query_mismatch: ['count==0'],
        'http_req_failed{scenario:ramp}': ['rate<0.01'],
    },
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(99)', 'max', 'count'],
};

// A random RFC 4122 version-4 UUID for a fresh user id.
function uuidv4() {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
        const r = (Math.random() * 16) | 0;
        return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
}

function defineCoupon(adminToken, name, totalQuantity) {
    const res = http.post(`${COMMAND_URL}/api/coupons`,
        JSON.stringify({ name, discountType: 'FIXED', discountValue: 1000, totalQuantity }),
        { headers: withToken(adminToken, JSON_HEADERS), tags: { name: 'POST /api/coupons' } });
    if (res.status !== 201) {
        throw new Error(`defining coupon '${name}' answered ${res.status}: ${res.body}`);
    }
    return res.json('couponId');
}

// A fresh user and its token, minted before the measured request.
function freshUser() {
    const userId = uuidv4();
    return { userId, token: devToken(COMMAND_URL, userId) };
}

function issue(couponId, user, extraParams) {
    return http.post(`${COMMAND_URL}/api/coupons/${couponId}/issues`,
        JSON.stringify({ userId: user.userId }),
        Object.assign({ headers: withToken(user.token, JSON_HEADERS), tags: { name: 'POST /api/coupons/{id}/issues' } },
            extraParams));
}

function jsonField(res, field) {
    try {
        return res.json(field);
    } catch (e) {
        return undefined;
    }
}

export function setup() {
    const admin = devToken(COMMAND_URL, 'k6-admin', ['ADMIN']);
    // The racers' tokens are minted here, so that the race itself is nothing but the claims.
    const racers = [];
    for (let i = 0; i < RACE_CLIENTS; i++) {
        racers.push(freshUser());
    }
    return {
        raceCoupon: defineCoupon(admin, 'k6 race', RACE_QUANTITY),
        sequentialCoupon: defineCoupon(admin, 'k6 sequential', SEQUENTIAL_REQUESTS),
        rampCoupon: defineCoupon(admin, 'k6 ramp', HUGE_QUANTITY),
        racers,
        analyst: devToken(COMMAND_URL, 'k6-analyst', ['ANALYST']),
    };
}

export function race(data) {
    // 409 is an expected answer here: only 50 of the 100 may win.
    const res = issue(data.raceCoupon, data.racers[(__VU - 1) % data.racers.length], { responseCallback: http.expectedStatuses(201, 409) });
    const code = res.status === 201 ? null : jsonField(res, 'code');
    if (res.status === 201) {
        raceIssued.add(1);
    } else if (res.status === 409 && code === 'COUPON_SOLD_OUT') {
        raceSoldOut.add(1);
    } else {
        raceUnexpected.add(1);
    }
    check(res, {
        'race: 201 or 409 COUPON_SOLD_OUT': () => res.status === 201 || code === 'COUPON_SOLD_OUT',
        // Each place once: k6 VUs share no state, so the Java runner (./dev bench) checks uniqueness.
        'race: a 201 carries a place in 1..50': () => {
            if (res.status !== 201) {
                return true;
            }
            const sequence = jsonField(res, 'sequence');
            return Number.isInteger(sequence) && sequence >= 1 && sequence <= RACE_QUANTITY;
        },
    });
}

export function sequential(data) {
    const res = issue(data.sequentialCoupon, freshUser());
    check(res, {
        'sequential: 201': (r) => r.status === 201,
        'sequential: place in 1..100': (r) => {
            const sequence = jsonField(r, 'sequence');
            return Number.isInteger(sequence) && sequence >= 1 && sequence <= SEQUENTIAL_REQUESTS;
        },
    });
}

export function ramp(data) {
    const res = issue(data.rampCoupon, freshUser());
    check(res, { 'ramp: 201': (r) => r.status === 201 });
}

// The query side is eventually consistent: poll (bounded) until it shows what the race issued.
export function teardown(data) {
    let issued = -1;
    for (let waited = 0; waited <= SETTLE_SECONDS * 10; waited++) {
        const res = http.get(`${QUERY_URL}/api/coupons/${data.raceCoupon}`,
            { headers: withToken(data.analyst), tags: { name: 'GET /api/coupons/{id}' }, responseCallback: http.expectedStatuses(200, 404) });
        issued = res.status === 200 ? jsonField(res, 'issued') : -1;
        if (issued === RACE_QUANTITY) {
            break;
        }
        sleep(0.1);
    }
    console.log(`query side: race coupon ${data.raceCoupon} issued=${issued}`);
    const settled = check(issued, {
        [`query side settles at ${RACE_QUANTITY} issued for the race`]: (n) => n === RACE_QUANTITY,
    });
    if (!settled) {
        raceQueryMismatch.add(1);
    }
}

// Product rankings under load, for users who have k6 (https://k6.io):
//
//   k6 run k6/ranking-load.js
//   k6 run -e COMMAND_URL=http://host:8081 -e QUERY_URL=http://host:8082 k6/ranking-load.js
//
// setup() registers PRODUCTS products and opens a funded wallet per ordering VU. Then:
//   getRanking     200 VUs read GET /api/rankings/products (random period, figure and limit) for 60 s;
//                  p99 under 10 ms, every answer a 200 from Redis or PostgreSQL.
//   createOrder    100 VUs place orders (1 to 3 lines) back to back for 60 s, at the same time.
//   verifyRanking  100 VUs, once the orders have stopped and settled: each compares the Redis answer with the
//                  PostgreSQL one (?source=database) for every period and figure of today. ranking_accuracy is
//                  the share that agree item for item; its threshold is 1.0 (the seed accepted 95%).
// While orders flow, the two sources follow the events through two projections that may be a few
// milliseconds apart, so the comparison waits for the orders to stop; the Java runner
// (./dev bench --scenario=rankings) does the same after measuring throughput and update lag.

import http from 'k6/http';
import { check, sleep } from 'k6';
import { Rate, Counter } from 'k6/metrics';
import { devToken, withToken } from './lib/auth.js';

const COMMAND_URL = (__ENV.COMMAND_URL || 'http://127.0.0.1:8081').replace(/\/+$/, '');
const QUERY_URL = (__ENV.QUERY_URL || 'http://127.0.0.1:8082').replace(/\/+$/, '');
const PRODUCTS = parseInt(__ENV.PRODUCTS || '30', 10);
const ORDER_VUS = 100;
const LOAD = '60s';
const SETTLE_SECONDS = 10;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
const PERIODS = ['daily', 'weekly', 'monthly'];
const FIGURES = ['quantity', 'revenue'];

const rankingAccuracy = new Rate('ranking_accuracy');
const rankingUnexpected = new Counter('ranking_unexpected');
const ordersRefused = new Counter('orders_refused');

export const options = {
    setupTimeout: '300s',
    scenarios: {
        getRanking: {
            executor: 'constant-vus',
            exec: 'getRanking',
            vus: 200,
            duration: LOAD,
            startTime: '0s',
        },
        createOrder: {
            executor: 'constant-vus',
            exec: 'createOrder',
            vus: ORDER_VUS,
            duration: LOAD,
            startTime: '0s',
        },
        verifyRanking: {
            executor: 'per-vu-iterations',
            exec: 'verifyRanking',
            vus: 100,
            iterations: 1,
            startTime: '75s',
            maxDuration: '120s',
        },
    },
    thresholds: {
        'http_req_duration{scenario:getRanking}': ['p(99)<10'],
        ranking_accuracy: ['rate==1.0'],
        ranking_unexpected: ['count==0'],
        'checks{scenario:getRanking}': ['rate==1.0'],
    },
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
};

function post(path, body, token) {
    return http.post(`${COMMAND_URL}${path}`, JSON.stringify(body), { headers: withToken(token, JSON_HEADERS) });
}

export function setup() {
    const run = Date.now().toString(36);
    const admin = devToken(COMMAND_URL, 'k6-admin', ['ADMIN']);
    const products = [];
    for (let i = 0; i < PRODUCTS; i++) {
        const answer = post('/api/products', {
            name: `k6 ranked product ${i}`, category: i % 2 === 0 ? 'food' : 'home',
            price: 1000 + 250 * (i % 5), stock: 1000000000,
        }, admin);
        if (answer.status !== 201) {
            throw new Error(`registering a product answered ${answer.status}: ${answer.body}`);
        }
        products.push(answer.json('productId'));
    }
    const users = [];
    for (let i = 0; i < ORDER_VUS; i++) {
        const userId = `k6-ranking-${run}-${i}`;
        const token = devToken(COMMAND_URL, userId);
        const opened = post('/api/accounts', { userId, email: `${userId}@k6.test`, name: `k6 buyer ${i}` }, token);
        const deposited = post(`/api/accounts/${userId}/deposits`, { amount: 10000000000 }, token);
        if (opened.status !== 201 || deposited.status !== 200) {
            throw new Error(`opening ${userId} answered ${opened.status}/${deposited.status}`);
        }
        users.push({ userId, token });
    }
    return { products, users, analyst: devToken(COMMAND_URL, 'k6-analyst', ['ANALYST']) };
}

function pick(list) {
    return list[Math.floor(Math.random() * list.length)];
}

export function getRanking(data) {
    const limit = pick([10, 10, 20, 50]);
    const answer = http.get(`${QUERY_URL}/api/rankings/products?period=${pick(PERIODS)}&by=${pick(FIGURES)}&limit=${limit}`,
        { headers: withToken(data.analyst), tags: { name: 'ranking' } });
    const ok = check(answer, {
        'ranking 200': (r) => r.status === 200,
        'ranking shape': (r) => r.status === 200 && ['redis', 'database'].includes(r.json('source'))
            && Array.isArray(r.json('items')) && r.json('items').length <= limit,
    });
    if (!ok) {
        rankingUnexpected.add(1);
    }
}

export function createOrder(data) {
    const { userId, token } = data.users[(__VU - 1) % data.users.length];
    const lines = 1 + Math.floor(Math.random() * 3);
    const items = {};
    for (let i = 0; i < lines; i++) {
        const productId = pick(data.products);
        items[productId] = (items[productId] || 0) + 1 + Math.floor(Math.random() * 3);
    }
    const answer = post('/api/orders', {
        userId, items: Object.entries(items).map(([productId, quantity]) => ({ productId, quantity })),
    }, token);
    if (answer.status !== 202) {
        ordersRefused.add(1);
        sleep(0.05);
        return;
    }
    // Long-poll until the saga settled it, as a shop front would, so each VU has one order in flight.
    http.get(`${QUERY_URL}/api/orders/${answer.json('orderId')}?wait=5`,
        { headers: withToken(token), tags: { name: 'order outcome' } });
}

function items(path, token) {
    const answer = http.get(`${QUERY_URL}${path}`, { headers: withToken(token), tags: { name: 'verify' } });
    return answer.status === 200 ? { source: answer.json('source'), items: JSON.stringify(answer.json('items')) } : null;
}

export function verifyRanking(data) {
    sleep(SETTLE_SECONDS * Math.random());
    for (const period of PERIODS) {
        for (const by of FIGURES) {
            const path = `/api/rankings/products?period=${period}&by=${by}&limit=100`;
            let redis = null;
            for (let attempt = 0; attempt < SETTLE_SECONDS * 10; attempt++) {
                redis = items(path, data.analyst);
                if (redis && redis.source === 'redis') {
                    break;
                }
                sleep(0.1);
            }
            const database = items(`${path}&source=database`, data.analyst);
            rankingAccuracy.add(redis !== null && database !== null && redis.source === 'redis'
                && redis.items === database.items);
        }
    }
}

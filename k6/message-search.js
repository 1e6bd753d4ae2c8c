// Message search under load, for users who have k6 (https://k6.io):
//
//   k6 run k6/message-search.js
//   k6 run -e COMMAND_URL=http://host:8081 -e QUERY_URL=http://host:8082 -e MESSAGES=500 k6/message-search.js
//
// setup() creates a room, posts MESSAGES Korean and English messages over HTTP and waits until the search
// index shows them. Then two scenarios, one after another:
//   single      1 VU searching back to back for 30 s.
//   concurrent  50 VUs searching back to back for 30 s; p95 under 30 ms.
// Every answer must be a 200 with {data, total, hasMore}. Loading a million messages is the Java runner's job
// (./dev bench --scenario=search, see k6/README.md): it appends them straight to the event store.

import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import { devToken, withToken } from './lib/auth.js';

const COMMAND_URL = (__ENV.COMMAND_URL || 'http://127.0.0.1:8081').replace(/\/+$/, '');
const QUERY_URL = (__ENV.QUERY_URL || 'http://127.0.0.1:8082').replace(/\/+$/, '');
const MESSAGES = parseInt(__ENV.MESSAGES || '300', 10);
const SETTLE_SECONDS = 60;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };

const PLACES = ['서울', '부산', '제주도', '강릉', '전주', '해운대', '한강공원'];
const PARTICLES = ['에서', '에', '으로', '까지'];
const THINGS = ['마라톤', '자전거', '비빔밥', '기차표', '숙소', '카메라'];
const VERBS = ['예약했어요', '샀습니다', '찾았어요', '먹었어요', '공유합니다'];
const EN = ['We booked a hotel in Seoul', 'They are running the Busan marathon', 'Cheap flights to Jeju',
    'The night market in Gangnam', 'Running shoes on sale'];
const QUERIES = ['서울', '마라톤', '제주', '자전거', '기차표', '숙소', 'booking', 'marathon', 'running shoes',
    'hotel Seoul', 'flights', 'night market', '한강', '예약'];

// searches that did not answer 200 with the expected shape
const searchUnexpected = new Counter('search_unexpected');

export const options = {
    setupTimeout: '300s',
    scenarios: {
        single: {
            executor: 'constant-vus',
            exec: 'search',
            vus: 1,
            duration: '30s',
            startTime: '0s',
        },
        concurrent: {
            executor: 'constant-vus',
            exec: 'search',
            vus: 50,
            duration: '30s',
            startTime: '35s',
        },
    },
    thresholds: {
        'http_req_duration{scenario:concurrent}': ['p(95)<30'],
        checks: ['rate>0.99'],
        search_unexpected: ['count==0'],
    },
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
};

function pick(words, i) {
    return words[i % words.length];
}

function text(i) {
    if (i % 2 === 0) {
        return `${pick(PLACES, i)}${pick(PARTICLES, i)} ${pick(THINGS, i * 7)}을 ${pick(VERBS, i * 3)} #${i}`;
    }
    return `${pick(EN, i)} #${i}`;
}

export function setup() {
    const reader = `k6-reader-${Date.now()}`;
    const token = devToken(COMMAND_URL, reader);
    const created = http.post(`${COMMAND_URL}/api/rooms`, JSON.stringify({ name: 'k6 search', ownerId: reader }),
        { headers: withToken(token, JSON_HEADERS), tags: { name: 'POST /api/rooms' } });
    if (created.status !== 201) {
        throw new Error(`creating the room answered ${created.status}: ${created.body}`);
    }
    const roomId = created.json('roomId');
    for (let i = 0; i < MESSAGES; i++) {
        const posted = http.post(`${COMMAND_URL}/api/rooms/${roomId}/messages`,
            JSON.stringify({ senderId: reader, text: text(i) }),
            { headers: withToken(token, JSON_HEADERS), tags: { name: 'POST /api/rooms/{id}/messages' } });
        if (posted.status !== 201) {
            throw new Error(`posting answered ${posted.status}: ${posted.body}`);
        }
    }
    // The index is eventually consistent: wait (bounded) until every message is searchable.
    for (let waited = 0; waited < SETTLE_SECONDS * 2; waited++) {
        const res = http.get(`${QUERY_URL}/api/rooms/${roomId}`,
            { headers: withToken(token), tags: { name: 'GET /api/rooms/{id}' } });
        if (res.status === 200 && res.json('messageCount') === MESSAGES) {
            break;
        }
        sleep(0.5);
    }
    return { reader, token };
}

export function search(data) {
    const q = QUERIES[Math.floor(Math.random() * QUERIES.length)];
    const res = http.get(`${QUERY_URL}/api/messages/search?userId=${data.reader}&limit=20&q=${encodeURIComponent(q)}`,
        { headers: withToken(data.token), tags: { name: 'GET /api/messages/search' } });
    const ok = check(res, {
        'search: 200': (r) => r.status === 200,
        'search: {data, total, hasMore}': (r) => {
            try {
                return Array.isArray(r.json('data')) && Number.isInteger(r.json('total'))
                    && typeof r.json('hasMore') === 'boolean';
            } catch (e) {
                return false;
            }
        },
    });
    if (!ok) {
        searchUnexpected.add(1);
    }
}

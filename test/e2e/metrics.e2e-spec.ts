// Issue #14, item 13: /metrics in Prometheus' text format, off unless configured, behind its own token.
import { startApi, type TestApi } from '../helpers/app.js';

const TOKEN = 'metrics-token-for-the-suite-0123456789';
let api: TestApi;
beforeAll(async () => {
  api = await startApi({ METRICS_TOKEN: TOKEN });
});
afterAll(() => api.close());

const scrape = () => api.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);

describe('/metrics', () => {
  it('answers the scraper with requests by route and status, latency histograms, queues, the outbox and the pool', async () => {
    await api.http().get('/api/v1/public/regions').expect(200);
    await api.http().get('/api/v1/public/facilities/00000000-0000-4000-8000-000000000000').expect(404);
    const res = await scrape().expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toMatch(
      /childcare_http_requests_total\{[^}]*method="GET"[^}]*route="\/api\/v1\/public\/regions"[^}]*status="200"[^}]*\} [1-9]/,
    );
    // The route pattern, never the id: one series per route.
    expect(text).toMatch(/route="\/api\/v1\/public\/facilities\/:id"[^}]*status="404"/);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(text).toMatch(/childcare_http_request_duration_seconds_bucket\{[^}]*le="0\.05"[^}]*route="\/api\/v1\/public\/regions"/);
    expect(text).toMatch(/childcare_outbox_pending\{[^}]*\} \d+/);
    expect(text).toMatch(/childcare_outbox_oldest_pending_seconds\{[^}]*\} [\d.e+-]+/);
    expect(text).toMatch(/childcare_queue_jobs\{[^}]*queue="figures"[^}]*state="waiting"[^}]*\} \d+/);
    expect(text).toMatch(/childcare_db_pool_connections\{[^}]*state="total"[^}]*\} \d+/);
    expect(text).toContain('childcare_api_process_resident_memory_bytes');
  });

  it('refuses a missing or wrong token (401), and is off without configuration (404)', async () => {
    await api.http().get('/metrics').expect(401);
    await api.http().get('/metrics').set('Authorization', 'Bearer not-the-token-at-all-xxxxxxxxxxx').expect(401);
    const off = await startApi();
    try {
      const res = await off.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    } finally {
      await off.close();
    }
  });
});

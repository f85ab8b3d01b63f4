/**
 * The one project the ingest benchmark sends to. Rate limits are lifted far above the offered
 * load: the benchmark measures how much the collector can store, not how fast it refuses. Its
 * batches carry a different user in every event, which no browser sends and no one user token
 * covers, so the project opts out of identity verification (logged at start, as for any project).
 */
export const benchProject = {
  id: 'bench',
  name: 'Benchmark',
  publicKey: 'pk_bench_public_key',
  secretKeys: ['sk_bench_secret_key_not_for_production'],
  allowedOrigins: ['*'],
  identityVerification: { enforce: false },
};

export const benchCollectorConfig = {
  projects: [benchProject],
  rateLimit: { perProjectPerSecond: 1e9, perClientPerSecond: 1e9 },
};

// The load generator: autocannon 9 driven from a JSON config file (argv[2]), pinned by the
// caller to its own core. Prints one JSON line with the figures. Every run is bounded: a
// duration in seconds or an exact number of requests, and a per-request timeout.
//
// perRequest gives request i its own Cookie header (and body) and client address: the i-th
// patient session of a race or of a write benchmark. Request i is sent exactly once; its status
// is recorded.
import fs from 'node:fs'
import autocannon from 'autocannon'

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))

function options(phase) {
  const base = {
    url: config.url,
    connections: config.connections,
    timeout: config.timeoutSec ?? 10,
    method: config.method ?? 'GET',
    headers: config.headers ?? {},
    body: config.body,
  }
  if (phase === 'warmup') return { ...base, duration: config.warmupSec }
  if (phase === 'amount') return { ...base, amount: config.perRequest.cookies.length }
  if (config.amount) return { ...base, amount: config.amount }
  return { ...base, duration: config.durationSec }
}

function perRequestOptions(statuses) {
  const { cookies, bodies, clients } = config.perRequest
  let next = 0
  return {
    ...options('amount'),
    requests: [
      {
        setupRequest(request, context) {
          const index = next++
          context.index = index
          // autocannon sends exactly `amount` requests; this guard only matters if it ever
          // asked for more, and then the extra request repeats the last session harmlessly.
          const i = Math.min(index, cookies.length - 1)
          // Each session is a patient of its own, on an address of its own (the app trusts the
          // proxy header here): the limits per client IP (ADR 027) count them apart, as they
          // would count real patients apart.
          // A caller that replaces patients between runs passes each one's address (clients), so
          // that a patient keeps it: an index moves to another patient, a live hold does not.
          const client = clients?.[i] ?? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
          request.headers = { ...request.headers, cookie: cookies[i], 'x-forwarded-for': client }
          if (bodies) request.body = bodies[i]
          return request
        },
        onResponse(status, _body, context) {
          if (context.index < statuses.length) statuses[context.index] = status
        },
      },
    ],
  }
}

function summary(result) {
  const statusCounts = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
    statusCounts[code] = Number(count)
  const responses = Object.values(statusCounts).reduce((sum, count) => sum + count, 0)
  return {
    connections: result.connections,
    durationSec: result.duration,
    reqPerSec: result.requests.average,
    requestsTotal: result.requests.total,
    responses,
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    bytesPerResponse: responses > 0 ? result.throughput.total / responses : null,
    statusCounts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

// The warm-up's request count too: a caller that reads the server's CPU time over the whole
// load divides it by every request the server answered.
const warmup = config.warmupSec > 0 ? await autocannon(options('warmup')) : null
const warmupRequests = warmup ? warmup.requests.total : 0

if (config.perRequest) {
  const statuses = Array.from({ length: config.perRequest.cookies.length }, () => null)
  const result = await autocannon(perRequestOptions(statuses))
  console.log(JSON.stringify({ ...summary(result), warmupRequests, statuses }))
} else {
  const result = await autocannon(options('measure'))
  console.log(JSON.stringify({ ...summary(result), warmupRequests }))
}

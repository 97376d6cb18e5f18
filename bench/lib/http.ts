import http from 'node:http'

/** A plain loopback HTTP client for preparing benchmarks (sessions, drafts, slot lists). */

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })

export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body)
    const req = http.request(
      url,
      {
        method: init.method ?? 'GET',
        agent,
        timeout: 10_000,
        headers: {
          ...(body
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': String(body.length),
              }
            : {}),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`${url} timed out`)))
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * The client address of the n-th simulated patient (sent as X-Forwarded-For, which the bench's app
 * server trusts): the limits per client IP (ADR 027) count patients apart, as they would count
 * real patients apart. bench/workers/load.mjs derives the same address from a request's index.
 */
export function clientAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

/** The `name=value` part of the patient cookie a response sets. */
export function patientCookieFrom(reply: Reply): string {
  const cookie = (reply.headers['set-cookie'] ?? [])
    .map((header) => header.split(';')[0]!)
    .find((pair) => /dermadesk_patient=/.test(pair))
  if (!cookie) throw new Error(`No patient cookie in the answer (status ${reply.status})`)
  return cookie
}

/** A new patient session with a booking draft for the service: POST /book, as a browser would. */
export async function startDraft(baseUrl: string, serviceId: string): Promise<string> {
  const reply = await request(`${baseUrl}/book`, {
    method: 'POST',
    body: new URLSearchParams({ serviceId }).toString(),
  })
  if (reply.status !== 302 || reply.headers.location !== '/book/time')
    throw new Error(`POST /book answered ${reply.status} ${reply.headers.location ?? ''}`)
  return patientCookieFrom(reply)
}

/** `count` drafts, `concurrency` at a time. */
export async function startDrafts(
  baseUrl: string,
  serviceId: string,
  count: number,
  concurrency = 16,
): Promise<string[]> {
  const cookies: string[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      cookies[index] = await startDraft(baseUrl, serviceId)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return cookies
}

/** The slot values (`practitionerId@startAtMs`) the picker offers this draft, in page order. */
export async function offeredSlots(baseUrl: string, cookie: string): Promise<string[]> {
  const reply = await request(`${baseUrl}/book/time`, { headers: { cookie } })
  if (reply.status !== 200) throw new Error(`GET /book/time answered ${reply.status}`)
  return slotValuesIn(reply.body)
}

export function slotValuesIn(html: string): string[] {
  return [...html.matchAll(/name="slot" value="([0-9a-f-]{36}@\d+)"/g)].map((match) => match[1]!)
}

/** POST /book/time for one slot with one session's cookie; the status is the outcome. */
export async function holdOver(baseUrl: string, cookie: string, slot: string): Promise<number> {
  const reply = await request(`${baseUrl}/book/time`, {
    method: 'POST',
    headers: { cookie },
    body: new URLSearchParams({ slot }).toString(),
  })
  return reply.status
}

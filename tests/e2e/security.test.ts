import net from 'node:net'
import {
  demoPassword,
  DEMO_STAFF,
  expect,
  expectAccessible,
  openE2eDb,
  test,
} from '../playwright-utils.ts'

function countSessions() {
  const db = openE2eDb()
  const { n } = db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }
  db.close()
  return n
}

test.describe('security baseline', () => {
  test('every page carries an enforced CSP with a fresh nonce and the other headers', async ({
    request,
  }) => {
    const first = await request.get('/')
    const second = await request.get('/login')
    for (const response of [first, second]) {
      const headers = response.headers()
      const csp = headers['content-security-policy']
      expect(csp).toBeDefined()
      expect(headers['content-security-policy-report-only']).toBeUndefined()
      for (const directive of [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        'report-uri',
      ]) {
        expect(csp).toContain(directive)
      }
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBe('same-origin')
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(headers['cache-control']).toBe('no-store')
      const nonce = /'nonce-([^']+)'/.exec(csp!)?.[1]
      const html = await response.text()
      const scriptNonces = [...html.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1])
      expect(scriptNonces.length).toBeGreaterThan(0)
      for (const scriptNonce of scriptNonces) expect(scriptNonce).toBe(nonce)
      // The inlined stylesheet runs under the same nonce; inline styles in general stay refused.
      const styleNonces = [...html.matchAll(/<style[^>]*nonce="([^"]+)"/g)].map((m) => m[1])
      expect(styleNonces).toEqual([nonce])
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`)
      expect(csp).not.toContain('unsafe-inline')
    }
    const nonceOf = (r: typeof first) =>
      /'nonce-([^']+)'/.exec(r.headers()['content-security-policy']!)?.[1]
    expect(nonceOf(first)).not.toBe(nonceOf(second))
    const notFound = await request.get('/missing-page')
    expect(notFound.status()).toBe(404)
    expect(notFound.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  })

  test('an inline script without the nonce does not run', async ({ page }) => {
    await page.goto('/')
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(ran).toBe(false)
  })

  test('a cross-site POST is refused with 403 and changes nothing', async ({
    request,
    baseURL,
  }) => {
    const before = countSessions()
    const form = { email: DEMO_STAFF.nurse, password: demoPassword(DEMO_STAFF.nurse) }
    const viaFetchMetadata = await request.post('/login', {
      form,
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      maxRedirects: 0,
    })
    expect(viaFetchMetadata.status()).toBe(403)
    const viaOrigin = await request.post('/login', {
      form,
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    })
    expect(viaOrigin.status()).toBe(403)
    expect(countSessions()).toBe(before)
    // The same form from the app's own origin works.
    const sameOrigin = await request.post('/login', {
      form,
      headers: { Origin: new URL(baseURL!).origin, 'Sec-Fetch-Site': 'same-origin' },
      maxRedirects: 0,
    })
    expect(sameOrigin.status()).toBe(302)
    expect(countSessions()).toBe(before + 1)
  })

  test('a body over 1 MB gets 413 before it is parsed', async ({ request }) => {
    const big = 'x'.repeat(2 * 1024 * 1024)
    const response = await request.post('/login', {
      data: `email=a%40b.example&password=${big}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status()).toBe(413)
  })

  test('a chunked body that passes 1 MB gets 413 and the connection closes', async ({
    baseURL,
  }) => {
    const { hostname, port } = new URL(baseURL!)
    const result = await new Promise<{ status: string; closed: boolean }>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname)
      let received = ''
      socket.on('data', (chunk) => (received += chunk.toString()))
      socket.on('close', () => resolve({ status: received.split('\r\n')[0] ?? '', closed: true }))
      // Writing into a socket the server has closed fails; what matters is what came back.
      socket.on('error', () => undefined)
      socket.write(
        `POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      )
      const chunk = 'x'.repeat(64 * 1024)
      let sent = 0
      const pump = () => {
        while (sent < 3 * 1024 * 1024 && !socket.destroyed) {
          sent += chunk.length
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`))
            return socket.once('drain', pump)
        }
        if (!socket.destroyed) socket.write('0\r\n\r\n')
      }
      pump()
      setTimeout(() => (received ? socket.destroy() : reject(new Error('no answer'))), 10_000)
    })
    expect(result.status).toBe('HTTP/1.1 413 Payload Too Large')
    expect(result.closed).toBe(true)
  })

  test('healthz reports the database', async ({ request }) => {
    const response = await request.get('/healthz')
    expect(response.status()).toBe(200)
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { status: 'ok', journalMode: 'wal' },
    })
  })

  test('an anonymous visitor is sent to sign-in from staff pages', async ({ page }) => {
    for (const path of ['/staff', '/admin']) {
      await page.goto(path)
      await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(path)}`))
    }
    await expectAccessible(page)
  })
})

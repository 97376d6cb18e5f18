import fs from 'node:fs'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { pickEncoding, precompressed } from './precompressed.ts'

describe('pickEncoding', () => {
  const both = ['br', 'gzip'] as const

  test('prefers brotli, then gzip, as browsers send them', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', both)).toBe('br')
    expect(pickEncoding('gzip, deflate', both)).toBe('gzip')
    expect(pickEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip')
  })

  test('honours q-values, q=0 refusals and the wildcard', () => {
    expect(pickEncoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip', both)).toBe('gzip')
    expect(pickEncoding('*', both)).toBe('br')
    expect(pickEncoding('*;q=0.1, br;q=0', both)).toBe('gzip')
  })

  test('the plain file when nothing acceptable exists', () => {
    expect(pickEncoding(undefined, both)).toBeNull()
    expect(pickEncoding('', both)).toBeNull()
    expect(pickEncoding('identity', both)).toBeNull()
    expect(pickEncoding('deflate', both)).toBeNull()
    expect(pickEncoding('gzip;q=0, br;q=0', both)).toBeNull()
    expect(pickEncoding('gzip', [])).toBeNull()
  })
})

describe('precompressed middleware', () => {
  const script = 'export const greeting = "hello";\n'.repeat(200)
  let dir: string
  let server: http.Server
  let base: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompressed-'))
    fs.mkdirSync(path.join(dir, '_shared'))
    fs.writeFileSync(path.join(dir, '_shared/chunk.js'), script)
    fs.writeFileSync(path.join(dir, '_shared/chunk.js.gz'), zlib.gzipSync(script))
    fs.writeFileSync(path.join(dir, '_shared/chunk.js.br'), zlib.brotliCompressSync(script))
    fs.writeFileSync(path.join(dir, 'plain.css'), 'body{}')
    // A stray compressed file without its original is never served.
    fs.writeFileSync(path.join(dir, 'orphan.js.gz'), zlib.gzipSync('x'))
    const app = express()
    const options = { maxAge: '1y', immutable: true }
    app.use('/build', precompressed(dir, options), express.static(dir, options))
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/build`
  })

  afterAll(() => {
    server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function get(url: string, acceptEncoding?: string) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
        http
          .get(url, { headers }, (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks),
              }),
            )
          })
          .on('error', reject)
      },
    )
  }

  test('brotli to a browser that takes it, with the script type and the cache headers', async () => {
    const reply = await get(`${base}/_shared/chunk.js`, 'gzip, deflate, br')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-encoding']).toBe('br')
    expect(reply.headers['content-type']).toMatch(/^(text|application)\/javascript/)
    expect(reply.headers['vary']).toMatch(/Accept-Encoding/i)
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(reply.body).toString()).toBe(script)
    expect(reply.body.length).toBeLessThan(script.length / 10)
  })

  test('gzip when brotli is not accepted', async () => {
    const reply = await get(`${base}/_shared/chunk.js`, 'gzip')
    expect(reply.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(reply.body).toString()).toBe(script)
  })

  test('the plain file, still marked as varying, when no encoding is accepted', async () => {
    const reply = await get(`${base}/_shared/chunk.js`, 'identity')
    expect(reply.headers['content-encoding']).toBeUndefined()
    expect(reply.headers['vary']).toMatch(/Accept-Encoding/i)
    expect(reply.body.toString()).toBe(script)
  })

  test('files without compressed versions, and unknown paths, are left to express.static', async () => {
    const css = await get(`${base}/plain.css`, 'br, gzip')
    expect(css.headers['content-encoding']).toBeUndefined()
    expect(css.body.toString()).toBe('body{}')
    expect((await get(`${base}/orphan.js`, 'gzip')).status).toBe(404)
    expect((await get(`${base}/_shared/../../etc/passwd`, 'gzip')).status).toBe(404)
  })
})

import zlib from 'node:zlib'
import { type Request, type Response } from 'express'
import { describe, expect, test } from 'vitest'
import { compressDocument } from './remix-adapter.ts'

function exchange(acceptEncoding: string | undefined, contentType: string) {
  const headers = new Map<string, string>([['content-type', contentType]])
  const varied: string[] = []
  const req = { get: () => acceptEncoding } as unknown as Request
  const res = {
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    vary: (field: string) => varied.push(field),
  } as unknown as Response
  return { req, res, headers, varied }
}

const PAGE = Buffer.from(`<!DOCTYPE html><html><body>${'<p>Choose a time</p>'.repeat(200)}`)

describe('compressDocument', () => {
  test('a page goes out as brotli or gzip, whichever the browser prefers, and decodes to itself', () => {
    const br = exchange('gzip, deflate, br', 'text/html; charset=utf-8')
    const brBody = compressDocument(br.req, br.res, PAGE)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.varied).toEqual(['Accept-Encoding'])
    expect(zlib.brotliDecompressSync(brBody).equals(PAGE)).toBe(true)
    expect(brBody.length).toBeLessThan(PAGE.length / 4)

    const gzip = exchange('gzip', 'text/html; charset=utf-8')
    expect(zlib.gunzipSync(compressDocument(gzip.req, gzip.res, PAGE)).equals(PAGE)).toBe(true)
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
  })

  test('no encoding accepted, a tiny page, or not HTML: sent as it is', () => {
    const plain = exchange(undefined, 'text/html; charset=utf-8')
    expect(compressDocument(plain.req, plain.res, PAGE)).toBe(PAGE)
    expect(plain.headers.has('content-encoding')).toBe(false)
    expect(plain.varied).toEqual(['Accept-Encoding'])

    const tiny = exchange('br', 'text/html')
    const small = Buffer.from('<p>ok</p>')
    expect(compressDocument(tiny.req, tiny.res, small)).toBe(small)

    const pdf = exchange('br', 'application/pdf')
    expect(compressDocument(pdf.req, pdf.res, PAGE)).toBe(PAGE)
    expect(pdf.headers.has('content-encoding')).toBe(false)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { type NextFunction, type Request, type Response } from 'express'

/**
 * Serves the build's JavaScript and CSS compressed. `npm run build` writes a `.br` and a `.gz`
 * beside each asset (scripts/compress-assets.mjs); this middleware answers with the best one the
 * browser accepts, and lets express.static send the plain file otherwise. Compressed once at
 * build time, so a request costs no CPU (docs/decisions/022-benchmarks.md: the booking page's
 * scripts go from about 460 KB to 120 KB gzip, 100 KB brotli, on the wire).
 */

export type Encoding = 'br' | 'gzip'
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }
/** Preferred first when the browser accepts both equally. */
const PREFERENCE: Encoding[] = ['br', 'gzip']

/**
 * The encoding to answer with, from an Accept-Encoding header and what exists for the file:
 * the highest q-value wins (ties go to brotli), q=0 refuses, `*` stands for anything not named,
 * and `identity` (or nothing acceptable) gives null, the plain file.
 */
export function pickEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  if (!acceptEncoding || available.length === 0) return null
  const q = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0)
  }
  let best: Encoding | null = null
  let bestQ = 0
  for (const encoding of PREFERENCE) {
    if (!available.includes(encoding)) continue
    const value = q.get(encoding) ?? q.get('*') ?? 0
    if (value > bestQ) {
      best = encoding
      bestQ = value
    }
  }
  return best
}

/** URL path (under the mount point) → the compressed versions that exist, found once at start. */
function scan(dir: string): Map<string, Encoding[]> {
  const found = new Map<string, Encoding[]>()
  if (!fs.existsSync(dir)) return found
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    for (const encoding of PREFERENCE) {
      if (!entry.name.endsWith(SUFFIX[encoding])) continue
      const file = path.join(entry.parentPath, entry.name.slice(0, -SUFFIX[encoding].length))
      if (!fs.existsSync(file)) continue
      const urlPath = `/${path.relative(dir, file).split(path.sep).join('/')}`
      found.set(urlPath, [...(found.get(urlPath) ?? []), encoding])
    }
  }
  return found
}

export function precompressed(dir: string, options: { maxAge: string; immutable: boolean }) {
  const files = scan(dir)
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const available = files.get(req.path)
    if (!available) return next()
    // Caches must keep the plain and the compressed answers apart.
    res.vary('Accept-Encoding')
    const encoding = pickEncoding(req.get('accept-encoding'), available)
    if (!encoding) return next()
    res.type(path.extname(req.path))
    res.setHeader('Content-Encoding', encoding)
    res.sendFile(
      `${req.path.slice(1)}${SUFFIX[encoding]}`,
      { root: dir, maxAge: options.maxAge, immutable: options.immutable, dotfiles: 'deny' },
      (error) => {
        if (error && !res.headersSent) {
          res.removeHeader('Content-Encoding')
          next(error)
        }
      },
    )
  }
}

import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { type Context, serviceIdBySlug, startApp } from '../lib/context.ts'
import { request, startDraft } from '../lib/http.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (d): JavaScript per route, gzip. From the Remix build manifest: a first visit to a route
 * loads the entry (and its imports), then root, every parent route and the route itself (each
 * module with its imports). Each file is gzipped with node:zlib at the default level (6, what
 * most servers use); 1 KB = 1,024 bytes. The app serves the pages with lazy route discovery, so
 * the manifest itself is inlined into the HTML rather than loaded as a file.
 *
 * The manifest's answer is checked against what the server really sends: the modulepreload
 * links and module imports in the HTML of the public pages, which also shows any script from
 * another origin.
 */

const PORT = 3740
const KB = 1024

type ManifestRoute = {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  module: string
  imports?: string[]
}
type Manifest = {
  entry: { module: string; imports?: string[] }
  routes: Record<string, ManifestRoute>
}

export function readManifest(root: string): { file: string; manifest: Manifest } {
  const dir = path.join(root, 'public/build')
  const files = fs
    .readdirSync(dir)
    .filter((name) => /^manifest-[A-Z0-9]+\.js$/i.test(name))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
  const file = files[0]
  if (!file) throw new Error('No public/build/manifest-*.js: run npm run build')
  const text = fs.readFileSync(file, 'utf8')
  const json = text.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')
  return { file, manifest: JSON.parse(json) as Manifest }
}

/** The script URLs a first visit to the route loads, in load order, without duplicates. */
export function firstVisitScripts(manifest: Manifest, routeId: string): string[] {
  const chain: ManifestRoute[] = []
  for (
    let route = manifest.routes[routeId];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  )
    chain.unshift(route)
  const urls = [manifest.entry.module, ...(manifest.entry.imports ?? [])]
  for (const route of chain) urls.push(...(route.imports ?? []), route.module)
  return [...new Set(urls)]
}

function gzipSize(root: string, url: string, cache: Map<string, { raw: number; gzip: number }>) {
  let size = cache.get(url)
  if (!size) {
    const content = fs.readFileSync(path.join(root, 'public', url))
    size = { raw: content.length, gzip: zlib.gzipSync(content).length }
    cache.set(url, size)
  }
  return size
}

function routePath(manifest: Manifest, route: ManifestRoute): string {
  const parts: string[] = []
  for (
    let r: ManifestRoute | undefined = route;
    r;
    r = r.parentId ? manifest.routes[r.parentId] : undefined
  )
    if (r.path) parts.unshift(r.path)
  return `/${parts.join('/')}`.replace(/\/+/g, '/')
}

/** What a real page pulls in: modulepreload links, script src and module imports in the HTML. */
export function scriptsInHtml(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\bfrom\s*"([^"]+\.js)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\bimport\s*\(\s*"([^"]+\.js)"\s*\)/g)].map((m) => m[1]!),
  ]
  return [...new Set(urls)]
}

export async function measureJs(context: Context) {
  const { file, manifest } = readManifest(context.root)
  const sizes = new Map<string, { raw: number; gzip: number }>()
  const routes = Object.values(manifest.routes).map((route) => {
    const scripts = firstVisitScripts(manifest, route.id)
    const total = scripts.reduce((sum, url) => sum + gzipSize(context.root, url, sizes).gzip, 0)
    const own = gzipSize(context.root, route.module, sizes)
    return {
      id: route.id,
      path: routePath(manifest, route),
      ownGzipKB: own.gzip / KB,
      ownRawKB: own.raw / KB,
      totalGzipKB: total / KB,
      files: scripts.length,
    }
  })
  const framework = firstVisitScripts(manifest, 'root').reduce(
    (sum, url) => sum + gzipSize(context.root, url, sizes).gzip,
    0,
  )

  // What the server really sends for the public pages.
  const app = await startApp(context, 'js', PORT)
  const pages: {
    path: string
    routeId: string
    htmlGzipKB: number
    inlineScriptGzipKB: number
    scripts: string[]
    matchesManifest: boolean
    thirdParty: string[]
  }[] = []
  try {
    const cookie = await startDraft(app.url, serviceIdBySlug(app.dbFile, 'consultation'))
    for (const [pagePath, routeId, headers] of [
      ['/', 'routes/_index', {}],
      ['/book', 'routes/book._index', {}],
      ['/book/time', 'routes/book.time', { cookie }],
      ['/bookings', 'routes/bookings._index', {}],
      ['/login', 'routes/login', {}],
    ] as const) {
      const reply = await request(app.url + pagePath, { headers })
      if (reply.status !== 200) throw new Error(`GET ${pagePath} answered ${reply.status}`)
      const scripts = scriptsInHtml(reply.body)
      const inline = [...reply.body.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => m[1]!)
        .join('\n')
      const expected = new Set(firstVisitScripts(manifest, routeId))
      pages.push({
        path: pagePath,
        routeId,
        htmlGzipKB: zlib.gzipSync(reply.body).length / KB,
        inlineScriptGzipKB: zlib.gzipSync(inline).length / KB,
        scripts,
        matchesManifest:
          scripts.filter((url) => url.startsWith('/build/')).every((url) => expected.has(url)) &&
          [...expected].every((url) => scripts.includes(url)),
        thirdParty: scripts.filter((url) => /^(https?:)?\/\//.test(url)),
      })
    }
  } finally {
    await app.stop()
  }

  const bookTime = routes.find((route) => route.id === 'routes/book.time')
  const bookTimePage = pages.find((page) => page.routeId === 'routes/book.time')
  Object.assign(context.figures, {
    'js.bookTime.totalGzipKB': bookTime?.totalGzipKB ?? null,
    'js.bookTime.ownGzipKB': bookTime?.ownGzipKB ?? null,
    'js.maxRouteChunkGzipKB': Math.max(...routes.map((route) => route.ownGzipKB)),
    'js.frameworkGzipKB': framework / KB,
    'js.thirdPartyScripts': pages.reduce((sum, page) => sum + page.thirdParty.length, 0),
    'js.bookTime.htmlGzipKB': bookTimePage?.htmlGzipKB ?? null,
  })
  const mismatched = pages.filter((page) => !page.matchesManifest)
  if (mismatched.length > 0) {
    context.unmeasured['js.bookTime.totalGzipKB'] =
      `the HTML of ${mismatched.map((p) => p.path).join(', ')} loads other scripts than the manifest says`
    delete context.figures['js.bookTime.totalGzipKB']
  }

  const table = [
    renderTable(
      ['route', 'path', 'own KB gz', 'first visit KB gz', 'files'],
      routes
        .sort((a, b) => b.totalGzipKB - a.totalGzipKB)
        .map((route) => [
          route.id,
          route.path,
          route.ownGzipKB.toFixed(1),
          route.totalGzipKB.toFixed(1),
          route.files,
        ]),
    ),
    '',
    renderTable(
      ['page', 'HTML KB gz', 'inline script KB gz', 'scripts', 'as manifest', 'third-party'],
      pages.map((page) => [
        page.path,
        page.htmlGzipKB.toFixed(1),
        page.inlineScriptGzipKB.toFixed(1),
        page.scripts.length,
        page.matchesManifest ? 'yes' : 'NO',
        page.thirdParty.length,
      ]),
    ),
    `entry + root alone (every page pays it): ${(framework / KB).toFixed(1)} KB gz; manifest ${path.relative(context.root, file)}`,
  ].join('\n')
  return {
    manifest: path.relative(context.root, file),
    routes,
    pages,
    frameworkGzipKB: framework / KB,
    table,
  }
}

import { createRequire } from 'node:module'

/**
 * Remix v2 on the classic (esbuild) compiler. See docs/decisions/001-remix-classic-compiler.md
 * for why we stay on it and what would make us move to Vite.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/__*.*'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // Packages with ESM-only exports that the classic compiler must bundle for the server.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}

/**
 * In the browser build the compiler swaps every `*.server.ts` module (and `@remix-run/node`) for
 * an empty CommonJS stub, `module.exports = {}`. esbuild cannot tell that such a stub has no side
 * effects, so it keeps it even when only a loader or action (both removed from the browser build)
 * used the import, and each stub that several routes import becomes a chunk of its own: nine
 * extra ~1 KB requests on /book/time, two on every page through root (remix-run/remix#209,
 * #5394; the fix proposed in #3638 was never merged). On the mobile Lighthouse preset every
 * request costs a round trip, and the booking page missed its LCP budget (performance-goals.md
 * section 6(d)(e)).
 *
 * Here the compiler's empty-module plugin is wrapped so that esbuild is told the stubs are free
 * of side effects: unused ones disappear; a stub that browser code really uses stays. If a
 * Remix upgrade moves or reshapes the plugin, the build goes on unchanged (with a warning), and
 * `npm run bench -- --only=js` shows the extra chunks again.
 */
function markEmptyServerModulesSideEffectFree() {
  const require = createRequire(import.meta.url)
  let emptyModules
  try {
    emptyModules = require('@remix-run/dev/dist/compiler/plugins/emptyModules.js')
  } catch {
    emptyModules = null
  }
  const original = emptyModules?.emptyModulesPlugin
  if (typeof original !== 'function') {
    console.warn('remix.config.js: the empty-module plugin was not found; server stubs stay')
    return
  }
  if (original.sideEffectFree) return
  const wrapped = (...args) => {
    const plugin = original(...args)
    return {
      ...plugin,
      setup(build) {
        const onResolve = (options, callback) =>
          build.onResolve(options, async (resolveArgs) => {
            const result = await callback(resolveArgs)
            return result?.namespace === 'empty-module' ? { ...result, sideEffects: false } : result
          })
        return plugin.setup(Object.assign(Object.create(build), { onResolve }))
      },
    }
  }
  wrapped.sideEffectFree = true
  emptyModules.emptyModulesPlugin = wrapped
}
markEmptyServerModulesSideEffectFree()

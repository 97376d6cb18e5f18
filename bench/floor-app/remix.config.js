/**
 * The floor app of `npm run bench` (docs/decisions/031-floor-relative-budgets.md): the least a
 * page of this stack costs, built with the same compiler, version and future flags as the app
 * (remix.config.js at the repository's root) and served by the same express adapter
 * (bench/workers/floor-server.ts). Everything it builds goes to bench/.tmp/floor/, which git
 * ignores; nothing else in the repository reads it.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  serverBuildPath: '../.tmp/floor/build/index.js',
  assetsBuildDirectory: '../.tmp/floor/public/build',
  cacheDirectory: '../.tmp/floor/cache',
  publicPath: '/build/',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}

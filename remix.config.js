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

/**
 * zod compiles object parsers with `new Function` unless told not to, and it decides when a
 * schema is created, probing with `new Function('')`. Our CSP forbids eval, so in the browser
 * that probe is a Content Security Policy violation (reported to /csp-report) on every page
 * with a form. The server has no CSP and keeps zod's faster compiled parsers.
 *
 * zod keeps its settings on `globalThis.__zod_globalConfig` (so that every copy of zod shares
 * them) and adopts an object that is already there. Setting `jitless` on it here, instead of
 * calling `z.config()`, keeps zod itself out of root's bundle: pages without a client-side form
 * (the home page, the treatment list, the slot picker) then load no zod at all.
 * zod-config.test.ts checks that zod still reads this object.
 *
 * root.tsx imports this module first, and root runs before any route module, so the flag is
 * set before a route's schemas are created.
 */
export type ZodGlobalConfig = { jitless?: boolean }
type ZodScope = { __zod_globalConfig?: ZodGlobalConfig }

export function preferJitlessZod(scope: ZodScope) {
  scope.__zod_globalConfig ??= {}
  scope.__zod_globalConfig.jitless = true
}

if (typeof document !== 'undefined') preferJitlessZod(globalThis as ZodScope)

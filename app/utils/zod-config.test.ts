import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import * as z from 'zod'
import { preferJitlessZod, type ZodGlobalConfig } from './zod-config.ts'

type Scope = { __zod_globalConfig?: ZodGlobalConfig }

describe('zod-config', () => {
  test('zod reads its settings from globalThis.__zod_globalConfig', () => {
    expect(z.config()).toBe((globalThis as Scope).__zod_globalConfig)
  })

  test('zod loaded after the flag is set builds jitless schemas and never probes for eval', () => {
    // What the browser does: root sets the flag, then a route module imports zod. A fresh
    // process, so that zod loads after the flag; `Function` is trapped to catch the probe.
    const script = `
      globalThis.__zod_globalConfig = { jitless: true }
      let probes = 0
      globalThis.Function = new Proxy(Function, { construct(t, a) { probes++; return Reflect.construct(t, a) } })
      const z = await import('zod')
      const schema = z.object({ name: z.string() })
      const ok = schema.safeParse({ name: 'Ada' }).success
      console.log(JSON.stringify({ jitless: z.config().jitless, probes, ok }))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    expect(JSON.parse(out)).toEqual({ jitless: true, probes: 0, ok: true })
  })

  test('the browser flag keeps the settings object zod already has', () => {
    const scope: Scope = { __zod_globalConfig: { jitless: false } }
    const settings = scope.__zod_globalConfig
    preferJitlessZod(scope)
    expect(scope.__zod_globalConfig).toBe(settings)
    expect(settings).toEqual({ jitless: true })
    const empty: Scope = {}
    preferJitlessZod(empty)
    expect(empty.__zod_globalConfig).toEqual({ jitless: true })
  })
})

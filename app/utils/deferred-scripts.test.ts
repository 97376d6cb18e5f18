import { describe, expect, test } from 'vitest'
import { deferScripts } from './deferred-scripts.tsx'

const starter = '<script id="deferred-scripts-starter" nonce="n">/* start */</script>'
const remixScripts =
  '<link rel="modulepreload" href="/build/entry.client-A.js"/>' +
  '<link rel="modulepreload" href="/build/root-B.js"/>' +
  '<script nonce="n">window.__remixContext = {};</script>' +
  '<script nonce="n" type="module" async="">import * as route0 from "/build/root-B.js";</script>'
const page = (scripts: string) =>
  `<!DOCTYPE html><html><head><link rel="icon" href="/favicon.svg"/></head><body><main>Hi</main>${scripts}</body></html>`

describe('deferScripts', () => {
  test("makes Remix's preloads and module script inert, and nothing else", () => {
    const out = deferScripts(page(remixScripts + starter))
    expect(out).not.toContain('rel="modulepreload"')
    expect(out.match(/rel="x-deferred-modulepreload"/g)).toHaveLength(2)
    expect(out).not.toContain('type="module"')
    expect(out).toContain(
      '<script nonce="n" type="text/x-deferred-module" id="deferred-module" async="">import * as route0 from "/build/root-B.js";</script>',
    )
    // The icon link, the context script, the page and the starter are untouched.
    expect(out).toContain('<link rel="icon" href="/favicon.svg"/>')
    expect(out).toContain('<script nonce="n">window.__remixContext = {};</script>')
    expect(out).toContain('<main>Hi</main>')
    expect(out).toContain(starter)
  })

  test('leaves a document it does not recognise as it is, so its scripts load as before', () => {
    const withoutStarter = page(remixScripts)
    expect(deferScripts(withoutStarter)).toBe(withoutStarter)
    const twoModules = page(
      remixScripts + '<script type="module" nonce="n">import "/x.js"</script>' + starter,
    )
    expect(deferScripts(twoModules)).toBe(twoModules)
    const noModule = page('<script nonce="n">1</script>' + starter)
    expect(deferScripts(noModule)).toBe(noModule)
  })
})

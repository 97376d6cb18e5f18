const DEFAULT_REDIRECT = '/staff'

// Any base will do: only whether a path stays on it matters.
const THIS_SITE = 'http://this-site.invalid'

/**
 * Where to go after signing in: a path on this site, or the fallback. The value must already be
 * a plain same-origin path: nothing is stripped to make it one, because browsers and URL parsers
 * silently drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would become
 * "//evil.example" (another site). Anything that is not exactly a path here falls back, silently.
 */
export function safeRedirect(to: unknown, fallback: string = DEFAULT_REDIRECT): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000) return fallback
  // Control characters, spaces and backslashes have no place in a path we produced ourselves.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback
  if (to.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(to, THIS_SITE)
  } catch {
    return fallback
  }
  if (url.origin !== THIS_SITE) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

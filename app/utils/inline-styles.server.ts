import fs from 'node:fs'
import path from 'node:path'
import { logger } from './logger.server.ts'

const cache = new Map<string, string>()

/**
 * The text of a built stylesheet, from its public URL (`/build/_assets/app-HASH.css`), read once.
 * The hash in the name changes with the content, so the cache never goes stale.
 */
export function stylesheetText(href: string): string {
  const cached = cache.get(href)
  if (cached !== undefined) return cached
  const file = path.join(process.cwd(), 'public', href)
  let text = ''
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    logger.error({ err: error, href }, 'the stylesheet to inline is missing: pages are unstyled')
  }
  // A closing tag inside the CSS would end the <style> element early.
  text = text.replaceAll('</style', '<\\/style')
  cache.set(href, text)
  return text
}

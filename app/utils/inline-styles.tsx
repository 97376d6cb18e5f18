import { createContext, useContext } from 'react'

/**
 * The app's stylesheet, inlined into every page's <head> (docs/decisions/025-request-cost.md): a
 * separate stylesheet is one more round trip before anything can paint, and on a slow mobile
 * link it competes with the page's scripts. The server provides the text (entry.server.tsx);
 * in the browser there is none, and the element the server sent is kept as it is.
 */
const InlineStylesContext = createContext<string | null>(null)
export const InlineStylesProvider = InlineStylesContext.Provider

export function InlineStyles({ nonce }: { nonce: string }) {
  const css = useContext(InlineStylesContext)
  // In the browser React keeps the server's element during hydration and never rewrites it
  // afterwards, since this empty value never changes.
  return (
    // eslint-disable-next-line react/no-danger -- our own built stylesheet, never user input
    <style nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: css ?? '' }} />
  )
}

import { useEffect, useState } from 'react'

/**
 * Whether a CSS media query matches, following changes. False on the server and in the first
 * render in the browser (so hydration matches the server's HTML), then the real answer.
 */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(false)
  useEffect(() => {
    const list = window.matchMedia(query)
    setMatches(list.matches)
    const onChange = (event: MediaQueryListEvent) => setMatches(event.matches)
    list.addEventListener('change', onChange)
    return () => list.removeEventListener('change', onChange)
  }, [query])
  return matches
}

import { Children, createContext, type ReactNode, useCallback, useContext, useMemo } from 'react'
import { type Catalogue, type Translator, translateRich, translator } from './catalogue.ts'
import { type Locale } from './locales.ts'

const LocaleContext = createContext<Locale>('en')

/** Set once in the root layout from the root loader's choice (locale.server.ts). */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
}

/** The page's language. */
export function useLocale(): Locale {
  return useContext(LocaleContext)
}

/** `t` for a catalogue in the page's language. */
export function useT<K extends string>(catalogue: Catalogue<K>): Translator<K> {
  const locale = useLocale()
  return useMemo(() => translator(catalogue, locale), [catalogue, locale])
}

/**
 * `t` for messages with markup: each tag in the message (`<b>…</b>`) is rendered by the function
 * of the same name in the values. Returns React nodes.
 */
export function useRichT<K extends string>(catalogue: Catalogue<K>) {
  const locale = useLocale()
  return useCallback(
    (
      key: K,
      values: Record<string, string | number | Date | ((chunks: ReactNode[]) => ReactNode)>,
    ): ReactNode => Children.toArray(translateRich<K, ReactNode>(catalogue, locale, key, values)),
    [catalogue, locale],
  )
}

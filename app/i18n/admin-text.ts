import { useMemo } from 'react'
import { type Catalogue, type Translator, translator } from './catalogue.ts'
import { useLocale } from './locale-context.tsx'
import { type Locale } from './locales.ts'

const asciiEnglish = new WeakMap<object, Catalogue>()

/**
 * `t` for the staff console's catalogues. Their English predates the catalogues and writes ASCII
 * apostrophes ("the clinic's name"), which existing pages and tests read byte for byte, while a
 * catalogue must write ’. English messages get their ASCII apostrophe back before they are
 * formatted (ICU keeps an apostrophe before a letter as it is); the values are left untouched.
 */
export function adminTranslator<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
): Translator<K> {
  if (locale !== 'en') return translator(catalogue, locale)
  let ascii = asciiEnglish.get(catalogue) as Catalogue<K> | undefined
  if (!ascii) {
    const en = Object.fromEntries(
      Object.entries<string>(catalogue.en).map(([key, message]) => [
        key,
        message.replace(/’/g, "'"),
      ]),
    ) as Record<K, string>
    ascii = { ...catalogue, en }
    asciiEnglish.set(catalogue, ascii)
  }
  return translator(ascii, 'en')
}

/** adminTranslator in the page's language, for components. */
export function useAdminT<K extends string>(catalogue: Catalogue<K>): Translator<K> {
  const locale = useLocale()
  return useMemo(() => adminTranslator(catalogue, locale), [catalogue, locale])
}

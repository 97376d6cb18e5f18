import { IntlMessageFormat } from 'intl-messageformat'
import { INTL_LOCALES, type Locale } from './locales.ts'

/**
 * A message catalogue: one area's messages, one object per language, in ICU MessageFormat
 * ("{count, plural, one {# time} other {# times}}"). The English object defines the keys; every
 * other language must have exactly the same ones (`satisfies MessagesOf<typeof en>` in its
 * file), so a missing or stray key is a type error before it is a test failure.
 */
export type Catalogue<K extends string = string> = Record<Locale, Record<K, string>>
export type MessagesOf<T> = Record<keyof T, string>
export type MessageKey<C> = C extends Catalogue<infer K> ? K : never
export type MessageValues = Record<string, string | number | Date>

const compiled = new Map<string, IntlMessageFormat>()

function compile(message: string, locale: Locale): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${message}`
  let format = compiled.get(cacheKey)
  if (!format) {
    format = new IntlMessageFormat(message, INTL_LOCALES[locale].numbers)
    compiled.set(cacheKey, format)
  }
  return format
}

/** Formats one message of a catalogue in a language. */
export function translate<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
  key: K,
  values?: MessageValues,
): string {
  const message = catalogue[locale][key]
  const result = compile(message, locale).format(values)
  return typeof result === 'string' ? result : String(result)
}

/**
 * A message with markup: `<b>{reference}</b>` in the message, and a function per tag in the
 * values (`{ b: (chunks) => <strong>{chunks}</strong> }`), so a word can be emphasised or linked
 * without splitting the sentence in two messages.
 */
export function translateRich<K extends string, T>(
  catalogue: Catalogue<K>,
  locale: Locale,
  key: K,
  values: Record<string, string | number | Date | ((chunks: (string | T)[]) => T)>,
): string | T | (string | T)[] {
  return compile(catalogue[locale][key], locale).format<T>(values)
}

export type Translator<K extends string> = (key: K, values?: MessageValues) => string

/** `t(key, values)` for one catalogue and language: on the server, and in components (useT). */
export function translator<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
): Translator<K> {
  return (key, values) => translate(catalogue, locale, key, values)
}

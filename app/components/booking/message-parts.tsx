import { Fragment, type ReactNode } from 'react'
import { type MessageValues, type Translator } from '#app/i18n/catalogue.ts'

// A private-use character: never typed by anyone, so it cannot clash with a message's words.
const MARK = '\uE000'

/**
 * A whole message with elements inside it (a countdown, a button, bold text): each element's
 * argument is formatted as a marker, and the text is cut at the markers. The sentence stays one
 * ICU message that a translator can reorder ("{email}" may move), never pieces joined in code.
 */
export function messageWithParts<K extends string>(
  t: Translator<K>,
  key: K,
  values: MessageValues,
  parts: Record<string, ReactNode>,
): ReactNode {
  const markers = Object.fromEntries(
    Object.keys(parts).map((name) => [name, `${MARK}${name}${MARK}`]),
  )
  const pieces = t(key, { ...values, ...markers }).split(new RegExp(`${MARK}(\\w+)${MARK}`))
  return pieces.map((piece, index) => (
    <Fragment key={index}>{index % 2 === 0 ? piece : parts[piece]}</Fragment>
  ))
}

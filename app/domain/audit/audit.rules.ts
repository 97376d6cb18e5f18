/** Pure helpers of the audit log browser (docs/decisions/020-audit-log.md). */

/**
 * The exclusive upper bound of all strings that start with `prefix`, so that a prefix filter is
 * a range on the (action, seq) index: "auth." → "auth/". Null for an empty prefix.
 */
export function prefixUpperBound(prefix: string): string | null {
  if (!prefix) return null
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}

/** An audit row's details as indented JSON for reading; the stored text itself when it is not JSON. */
export function formatDetails(details: string): string | null {
  try {
    const parsed: unknown = JSON.parse(details)
    if (parsed && typeof parsed === 'object' && Object.keys(parsed).length === 0) return null
    return JSON.stringify(parsed, null, 2)
  } catch {
    return details
  }
}

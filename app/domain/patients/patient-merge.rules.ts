/**
 * Merging two records of one person (issue 17, docs/decisions/041): the duplicate is marked as
 * merged into the survivor and nothing else changes. A merged record's chart is the survivor's,
 * which shows the history of every record merged into it. Client-safe: pure functions.
 */

/** Why a merge is refused. */
export type MergeRefusal =
  /** The same record twice. */
  | 'same-record'
  /** The duplicate was already merged (into this survivor or another). */
  | 'duplicate-merged'
  /** The survivor was itself merged into another record: merge into that one. */
  | 'survivor-merged'

export type MergeCandidate = { id: string; mergedIntoPatientId: string | null }

/** Whether `duplicate` may be merged into `survivor`: null when it may. */
export function mergeRefusal(
  survivor: MergeCandidate,
  duplicate: MergeCandidate,
): MergeRefusal | null {
  if (survivor.id === duplicate.id) return 'same-record'
  if (survivor.mergedIntoPatientId !== null) return 'survivor-merged'
  if (duplicate.mergedIntoPatientId !== null) return 'duplicate-merged'
  return null
}

/** Merged record → the record it was merged into (records never merged are not in the map). */
export type MergeLinks = ReadonlyMap<string, string>

/**
 * The record that holds this one's history now: itself when never merged, else the end of its
 * chain of merges (a record merged into one that was later merged itself). A cycle cannot be made
 * through mergeRefusal; should one appear, the walk stops where it would repeat.
 */
export function survivorOf(patientId: string, links: MergeLinks): string {
  const seen = new Set<string>([patientId])
  let current = patientId
  for (;;) {
    const next = links.get(current)
    if (next === undefined || seen.has(next)) return current
    seen.add(next)
    current = next
  }
}

/** Every record whose history the survivor's chart shows: the survivor first, then the rest. */
export function recordsOf(survivorId: string, links: MergeLinks): string[] {
  const merged = [...links.keys()].filter(
    (id) => id !== survivorId && survivorOf(id, links) === survivorId,
  )
  return [survivorId, ...merged.sort()]
}

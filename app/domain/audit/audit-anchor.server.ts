import fs from 'node:fs'
import path from 'node:path'
import { type Db } from '#db/client.server.ts'
import { AUDIT_GENESIS_HASH } from './audit.schema.ts'
import { verifyAuditChain } from './audit.server.ts'

/**
 * `npm run audit:verify` (docs/decisions/020-audit-log.md): checks the hash chain and, with an
 * anchor file, that the log still begins with what was anchored before. The chain alone cannot
 * catch someone who rewrites every row and recomputes every hash; the anchor (seq and hash of the
 * head at an earlier time, kept off this machine) can, because every later head depends on it.
 */

export type AuditAnchor = { seq: number; hash: string; writtenAt: string }

export type AuditVerification = { ok: boolean; lines: string[] }

function readAnchor(file: string): AuditAnchor | string {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return `the anchor file ${file} is not readable JSON`
  }
  const anchor = parsed as Partial<AuditAnchor>
  if (
    !Number.isSafeInteger(anchor.seq) ||
    (anchor.seq ?? -1) < 0 ||
    typeof anchor.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(anchor.hash)
  )
    return `the anchor file ${file} has no valid seq and hash`
  return { seq: anchor.seq!, hash: anchor.hash, writtenAt: String(anchor.writtenAt ?? 'unknown') }
}

/** Writes beside the target and renames, so a crash never leaves half an anchor. */
function writeAnchor(file: string, anchor: AuditAnchor): void {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.tmp`)
  fs.writeFileSync(temporary, `${JSON.stringify(anchor)}\n`, { mode: 0o600 })
  fs.renameSync(temporary, file)
}

export function verifyAuditLog(input: {
  db: Pick<Db, '$client'>
  anchorFile?: string
  now?: Date
}): AuditVerification {
  const report = verifyAuditChain(input.db)
  if (!report.ok)
    return {
      ok: false,
      lines: [`FAILED: the chain breaks at seq ${report.firstBadSeq} (${report.reason})`],
    }
  const lines = [`OK: ${report.rows} rows, head ${report.head}`]
  if (!input.anchorFile) return { ok: true, lines }

  if (fs.existsSync(input.anchorFile)) {
    const anchor = readAnchor(input.anchorFile)
    if (typeof anchor === 'string') return { ok: false, lines: [...lines, `FAILED: ${anchor}`] }
    if (anchor.seq > report.rows)
      return {
        ok: false,
        lines: [
          ...lines,
          `FAILED: the anchor (${anchor.writtenAt}) names seq ${anchor.seq}, but the log has only ${report.rows} rows: rows were removed`,
        ],
      }
    const row =
      anchor.seq === 0
        ? { hash: AUDIT_GENESIS_HASH }
        : (input.db.$client
            .prepare('SELECT hash FROM audit_events WHERE seq = ?')
            .get(anchor.seq) as { hash: string } | undefined)
    if (row?.hash !== anchor.hash)
      return {
        ok: false,
        lines: [
          ...lines,
          `FAILED: seq ${anchor.seq} no longer has the hash anchored at ${anchor.writtenAt}: the log was rewritten`,
        ],
      }
    lines.push(`Anchor: seq ${anchor.seq} from ${anchor.writtenAt} matches`)
  }
  const writtenAt = (input.now ?? new Date()).toISOString()
  writeAnchor(input.anchorFile, { seq: report.rows, hash: report.head, writtenAt })
  lines.push(`Anchor: wrote seq ${report.rows} to ${input.anchorFile}; copy it off this machine`)
  return { ok: true, lines }
}

// `npm run audit:verify [-- --anchor-file <path>]`: checks the audit log's hash chain in
// DATABASE_PATH (default data/dermadesk.db). Prints "OK: N rows, head <hash>" or where the chain
// breaks; exits 1 on any failure. With --anchor-file, also checks that the log still starts with
// the anchored head and then writes the new head there (docs/decisions/020-audit-log.md).
import fs from 'node:fs'
import { verifyAuditLog } from '#app/domain/audit/audit-anchor.server.ts'
import { getDatabasePath, openDatabase } from '#db/client.server.ts'

function anchorFileFrom(args: string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg === '--anchor-file') return args[index + 1]
    if (arg.startsWith('--anchor-file=')) return arg.slice('--anchor-file='.length)
  }
  return undefined
}

const args = process.argv.slice(2)
const anchorFile = anchorFileFrom(args)
const databasePath = getDatabasePath()
if (args.includes('--anchor-file') && !anchorFile) {
  console.error('FAILED: --anchor-file needs a path')
  process.exit(1)
}
if (!fs.existsSync(databasePath)) {
  console.error(`FAILED: no database at ${databasePath}`)
  process.exit(1)
}
const db = openDatabase(databasePath)
try {
  const result = verifyAuditLog({ db, anchorFile })
  for (const line of result.lines) (result.ok ? console.log : console.error)(line)
  process.exitCode = result.ok ? 0 : 1
} finally {
  db.$client.close()
}

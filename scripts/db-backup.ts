// `npm run db:backup`: an online backup of DATABASE_PATH (default data/dermadesk.db) into
// BACKUP_DIR (default data/backups/), safe while the app is serving. The copy is checked
// (integrity_check, foreign keys, audit chain) before it gets its final name. The pictures its rows
// name (clinical photos, portraits) are copied into BACKUP_DIR/media/ and checked against their
// hashes (docs/decisions/047-clinical-photos.md). Prints one line; exits 1 on failure. Restore
// drill: docs/decisions/021-backups.md.
import {
  backupDatabase,
  DEFAULT_BACKUP_DIR,
  describeBackup,
} from '#app/domain/system/backup.server.ts'
import { mediaRoot } from '#app/domain/media/image-store.server.ts'
import { getDatabasePath } from '#db/client.server.ts'

// Backups hold patient data: files and folders this script creates are private to its user.
process.umask(0o077)
const result = await backupDatabase({
  databasePath: getDatabasePath(),
  backupDir: process.env.BACKUP_DIR || DEFAULT_BACKUP_DIR,
  mediaDir: mediaRoot(),
})
const line = describeBackup(result)
if (result.ok) console.log(line)
else console.error(line)
process.exitCode = result.ok ? 0 : 1

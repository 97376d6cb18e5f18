// A migrated database with the demo clinic, in rollback-journal mode so that the single file is
// the whole database and can be copied for every server the benchmarks start.
// Config (argv[2], JSON): { file }.
import fs from 'node:fs'
import { openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { seedDemoClinic } from '#db/seed.ts'

const { file } = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { file: string }
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
const db = openDatabase(file)
migrateDatabase(db)
await seedDemoClinic(db)
db.$client.pragma('journal_mode = DELETE')
db.$client.close()
console.log(JSON.stringify({ file }))

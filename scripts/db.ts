// Database chores: `npm run db:migrate`, `npm run db:seed`, `npm run db:reset`.
// Kept out of db/*.ts so that importing those modules never runs anything.
import fs from 'node:fs'
import { getDatabasePath, openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { isDatabaseEmpty, seedDemoClinic } from '#db/seed.ts'
import { seedDemoAppointments } from '#db/seed-appointments.ts'

const command = process.argv[2]
const databasePath = getDatabasePath()

if (command === 'reset') {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true })
}
const db = openDatabase(databasePath)
migrateDatabase(db)
console.log(`Migrated ${databasePath}`)
if (command === 'seed' || command === 'reset') {
  if (isDatabaseEmpty(db)) {
    await seedDemoClinic(db)
    const visits = seedDemoAppointments(db, new Date())
    console.log(`Seeded the demo clinic and ${visits} demo appointments into ${databasePath}`)
  } else {
    console.log(`${databasePath} already has data; run npm run db:reset to start over.`)
  }
}
db.$client.close()

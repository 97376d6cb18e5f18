// Database chores: `npm run db:migrate`, `npm run db:seed`, `npm run db:reset`.
// Kept out of db/*.ts so that importing those modules never runs anything.
//   db:seed   migrates, then seeds the demo clinic into an empty database
//   db:reset  deletes the database, migrates, and seeds the demo clinic unless SEED_DEMO=false
//             (or the path is not the default one and SEED_DEMO is unset): see db/demo-data.ts
import fs from 'node:fs'
import { getDatabasePath, openDatabase } from '#db/client.server.ts'
import { describeDemoData, shouldSeedDemo, writeDemoSignIns } from '#db/demo-data.ts'
import { ensureClinicSettings } from '#db/first-run.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { isDatabaseEmpty, seedDemoClinic } from '#db/seed.ts'
import { seedDemoAppointments } from '#db/seed-appointments.ts'

const command = process.argv[2]
const databasePath = getDatabasePath()
const seedDemoSetting =
  process.env.SEED_DEMO === undefined ? undefined : /^(true|1|yes)$/.test(process.env.SEED_DEMO)

if (command === 'reset') {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true })
}
const db = openDatabase(databasePath)
migrateDatabase(db)
console.log(`Migrated ${databasePath}`)
const seed =
  command === 'seed' ||
  (command === 'reset' && shouldSeedDemo({ seedDemo: seedDemoSetting, databasePath }))
if (seed) {
  if (isDatabaseEmpty(db)) {
    const signIns = await seedDemoClinic(db)
    writeDemoSignIns(databasePath, signIns)
    const visits = seedDemoAppointments(db, new Date())
    console.log(`Seeded the demo clinic and ${visits} demo appointments into ${databasePath}`)
    console.log(describeDemoData({ databasePath, seededNow: signIns }).join('\n'))
  } else {
    console.log(`${databasePath} already has data; run npm run db:reset to start over.`)
  }
} else if (command === 'reset') {
  ensureClinicSettings(db)
  console.log(
    `${databasePath} is empty. Create the first admin: npm run staff:create -- --email you@your-clinic --role admin`,
  )
}
db.$client.close()

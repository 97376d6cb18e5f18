// The scheduler's clinical work at a chosen moment, against the end-to-end server's database, for
// tests/e2e/aftercare.test.ts. The server has no test endpoint: this script
// runs the same domain code the server's scheduler runs, in its own process, with "now" given on
// the command line, and sends what it queued to the e2e SMTP sink.
//
//   node --import tsx tests/support/clinical-clock.ts book <email> <now ms> [it|en]
//                                                                    → {"reference","startAt"}
//   node --import tsx tests/support/clinical-clock.ts complete <reference> <ms> (TEST FIXTURE)
//   node --import tsx tests/support/clinical-clock.ts run <ms>                → {"queued","sent"}
//
// Needs DATABASE_PATH, SMTP_URL and APP_ORIGIN of the e2e server (tests/e2e/aftercare.test.ts sets
// them). Prints one JSON line.
import { createMailTransport, dispatchDueEmails } from '#app/domain/email/dispatcher.server.ts'
import { queueDueClinicalMessages } from '#app/domain/treatment/scheduled-messages.server.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from './booking-fixtures.ts'
import { completeBookingForTest } from './treatment-fixtures.ts'

const DAY = 24 * 3600_000
const [command, ...args] = process.argv.slice(2)

async function main(): Promise<object> {
  switch (command) {
    case 'book': {
      // A needling visit at least three days ahead (so a 48-hour reminder is due before it), booked
      // now through the real wizard use cases: health questions, email code, consent.
      const [email, at, language] = args
      if (!email || !at) throw new Error('book <email> <now ms> [it|en]')
      // The booking's language (its emails speak it): as if booked on a page in that language.
      const locale = language === 'it' || language === 'en' ? language : undefined
      // "Now" is the server's test clock (tests/test-clock.ts), passed by the test.
      const now = new Date(Number(at))
      const slot = firstFreeSlot('medical-face', new Date(now.getTime() + 3 * DAY))
      const { reference } = await bookForPatient(
        'medical-face',
        slot,
        now,
        { ...PATIENT, email },
        undefined,
        locale,
      )
      return { reference, startAt: slot.startAt }
    }
    case 'complete': {
      const [reference, at] = args
      if (!reference || !at) throw new Error('complete <reference> <ms>')
      completeBookingForTest(reference, new Date(Number(at)))
      return { completed: reference }
    }
    case 'run': {
      const now = new Date(Number(args[0]))
      if (Number.isNaN(now.getTime())) throw new Error('run <ms>')
      const { queued } = queueDueClinicalMessages(now)
      const transport = createMailTransport()
      if (!transport) throw new Error('SMTP_URL is required')
      let sent = 0
      for (;;) {
        const report = await dispatchDueEmails({ transport, now })
        sent += report.sent
        if (report.claimed === 0) break
      }
      return { queued, sent }
    }
    default:
      throw new Error(`unknown command ${command}`)
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`)

import { randomBytes } from 'node:crypto'
import { hashPassword } from '#app/domain/auth/password.server.ts'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type Db } from './client.server.ts'
import { DEFAULT_BOOKING_POLICIES } from './first-run.ts'
import {
  clinicClosures,
  clinicSettings,
  serviceTexts,
  practitioners,
  practitionerTexts,
  practitionerServices,
  services,
  userRoles,
  users,
  workingHours,
} from './schema/index.ts'

/**
 * The demo clinic: a small microneedling practice in Milan with a doctor, a nurse and two
 * aestheticians, with an admin and a receptionist. Everything here is invented; the emails use the reserved .example domain.
 */

/** A demo staff member's sign-in, as the start output and the sign-ins file show it. */
export type DemoSignIn = { email: string; password: string; roles: string }

/**
 * A password for one demo account of one database: 16 random letters and digits in groups of
 * four (about 82 bits), so that no two installs share a sign-in and none is ever published.
 */
export function generateDemoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(16)
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('')
  return characters.match(/.{4}/g)!.join('-')
}

const hm = (hours: number, minutes = 0) => hours * 60 + minutes

type DemoStaff = {
  key: string
  name: string
  email: string | null
  roles: StaffRole[]
  practitioner?: {
    title: string
    credential: 'medical' | 'aesthetic'
    registration: string
    maxNeedleDepthUm: number
    /** The one line patients read when choosing who to see. */
    bio: string
    services: string[]
    /** [ISO weekday, [start, end] intervals in minutes] */
    week: [number, [number, number][]][]
  }
}

const MORNING_AFTERNOON: [number, number][] = [
  [hm(9), hm(13)],
  [hm(14), hm(18)],
]

const DEMO_STAFF: DemoStaff[] = [
  {
    key: 'giulia',
    name: 'Dr Giulia Romano',
    email: 'giulia.romano@dermadesk.example',
    roles: ['clinician', 'admin'],
    practitioner: {
      title: 'Doctor, dermatologist',
      credential: 'medical',
      registration: 'Ordine dei Medici di Milano n. 41873',
      maxNeedleDepthUm: 2000,
      bio: 'Dermatologist for 15 years; treats acne scars and deeper lines.',
      services: ['medical-face', 'acne-scars', 'stretch-marks', 'eye-neck', 'consultation'],
      week: [
        [1, MORNING_AFTERNOON],
        [3, MORNING_AFTERNOON],
        [5, MORNING_AFTERNOON],
        [6, [[hm(9), hm(13)]]],
      ],
    },
  },
  {
    key: 'marco',
    name: 'Marco Bianchi',
    email: 'marco.bianchi@dermadesk.example',
    roles: ['clinician'],
    practitioner: {
      title: 'Registered nurse',
      credential: 'medical',
      registration: 'OPI Milano-Lodi-Monza e Brianza n. 12094',
      maxNeedleDepthUm: 1500,
      bio: 'Nurse in aesthetic medicine since 2016; gentle with first-timers.',
      services: ['medical-face', 'acne-scars', 'eye-neck', 'skin-boost', 'consultation'],
      week: [
        [
          2,
          [
            [hm(10), hm(14)],
            [hm(15), hm(19)],
          ],
        ],
        [3, [[hm(9), hm(13)]]],
        [
          4,
          [
            [hm(10), hm(14)],
            [hm(15), hm(19)],
          ],
        ],
      ],
    },
  },
  {
    key: 'sofia',
    name: 'Sofia Conti',
    email: 'sofia.conti@dermadesk.example',
    roles: ['clinician'],
    practitioner: {
      title: 'Aesthetician',
      credential: 'aesthetic',
      registration: 'Estetista qualificata, Regione Lombardia n. 3321',
      maxNeedleDepthUm: 500,
      bio: 'Skin therapist who focuses on glow, texture and home care.',
      services: ['skin-boost'],
      week: [
        [
          1,
          [
            [hm(9, 30), hm(13, 30)],
            [hm(14, 30), hm(18, 30)],
          ],
        ],
        [
          2,
          [
            [hm(9, 30), hm(13, 30)],
            [hm(14, 30), hm(18, 30)],
          ],
        ],
        [
          4,
          [
            [hm(9, 30), hm(13, 30)],
            [hm(14, 30), hm(18, 30)],
          ],
        ],
      ],
    },
  },
  {
    key: 'luca',
    name: 'Luca Ferrari',
    email: null,
    roles: [],
    practitioner: {
      title: 'Aesthetician',
      credential: 'aesthetic',
      registration: 'Estetista qualificata, Regione Lombardia n. 4107',
      maxNeedleDepthUm: 500,
      bio: 'Trained in collagen induction; careful and unhurried, with clear aftercare.',
      services: ['skin-boost'],
      week: [
        [
          3,
          [
            [hm(10), hm(14)],
            [hm(15), hm(19)],
          ],
        ],
        [
          5,
          [
            [hm(10), hm(14)],
            [hm(15), hm(19)],
          ],
        ],
        [6, [[hm(9), hm(14)]]],
      ],
    },
  },
  { key: 'elena', name: 'Elena Greco', email: 'elena.greco@dermadesk.example', roles: ['admin'] },
  // The front desk: agenda, contact details, check-in; never health details (ADR 041).
  {
    key: 'chiara',
    name: 'Chiara Conti',
    email: 'chiara.conti@dermadesk.example',
    roles: ['reception'],
  },
]

export const DEMO_SERVICES = [
  {
    slug: 'medical-face',
    name: 'Medical microneedling, face',
    description:
      'Fine sterile needles at 1.0 to 1.5 mm make tiny wounds that the skin repairs with new collagen. For fine lines, wrinkles, age spots and uneven texture. Done by a doctor or nurse.',
    kind: 'treatment',
    tier: 'medical',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    maxNeedleDepthUm: 1500,
    courseSessions: 3,
    courseIntervalWeeks: 4,
    priceCents: 25000,
    downtime: 'Red like a mild sunburn for 2 to 3 days; dry, flaky skin for up to a week.',
  },
  {
    slug: 'acne-scars',
    name: 'Acne scar microneedling',
    description:
      'Deeper medical needling (up to 2.0 mm) to soften rolling and boxcar acne scars. Several sessions are needed. Done by a doctor or nurse.',
    kind: 'treatment',
    tier: 'medical',
    durationMinutes: 75,
    bufferAfterMinutes: 15,
    maxNeedleDepthUm: 2000,
    courseSessions: 4,
    courseIntervalWeeks: 4,
    priceCents: 29000,
    downtime: 'Redness and swelling for 3 to 5 days; small crusts that fall off within 10 days.',
  },
  {
    slug: 'stretch-marks',
    name: 'Stretch mark microneedling',
    description:
      'Medical needling of stretch marks on the body (tummy, hips, thighs) to improve their colour and texture over a course of sessions. Done by a doctor.',
    kind: 'treatment',
    tier: 'medical',
    durationMinutes: 75,
    bufferAfterMinutes: 15,
    maxNeedleDepthUm: 2000,
    courseSessions: 6,
    courseIntervalWeeks: 4,
    priceCents: 32000,
    downtime: 'Redness for 2 to 4 days; avoid tight clothes on the area for a day or two.',
  },
  {
    slug: 'eye-neck',
    name: 'Eye contour and neck',
    description:
      'Gentle medical needling of the thin skin around the eyes (never inside the bony rim) and on the neck, for crepey skin and fine lines.',
    kind: 'treatment',
    tier: 'medical',
    durationMinutes: 45,
    bufferAfterMinutes: 15,
    maxNeedleDepthUm: 1000,
    courseSessions: 3,
    courseIntervalWeeks: 4,
    priceCents: 22000,
    downtime: 'Pink skin for 1 to 2 days; possible light bruising under the eyes.',
  },
  {
    slug: 'skin-boost',
    name: 'Cosmetic skin boost',
    description:
      'Very short needles (0.5 mm at most) open tiny channels so that serums soak in better, for a fresh glow. It does not start collagen repair. Done by an aesthetician.',
    kind: 'treatment',
    tier: 'cosmetic',
    durationMinutes: 45,
    bufferAfterMinutes: 10,
    maxNeedleDepthUm: 500,
    courseSessions: 4,
    courseIntervalWeeks: 2,
    priceCents: 9000,
    downtime: 'Pinkness for a few hours, at most 2 to 3 days. No crusts expected.',
  },
  {
    slug: 'consultation',
    name: 'Skin consultation',
    description:
      'A talk with a doctor or nurse about your skin, your goals and whether microneedling suits you. No needles. Also offered when screening says needling is not right for you now.',
    kind: 'consultation',
    tier: 'medical',
    durationMinutes: 30,
    bufferAfterMinutes: 0,
    maxNeedleDepthUm: null,
    courseSessions: 1,
    courseIntervalWeeks: 0,
    priceCents: 5000,
    downtime: 'None.',
  },
] as const

/** Italian public holidays and the clinic's own closures (2026–2028). */
const DEMO_CLOSURES: [string, string][] = [
  ['2026-12-07', "Sant'Ambrogio, patron saint of Milan"],
  ['2026-12-08', 'Immaculate Conception'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-26', "St Stephen's Day"],
  ['2026-12-31', "New Year's Eve (clinic closed)"],
  ['2027-01-01', "New Year's Day"],
  ['2027-01-06', 'Epiphany'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-04-25', 'Liberation Day'],
  ['2027-05-01', 'Labour Day'],
  ['2027-06-02', 'Republic Day'],
  ['2027-08-15', 'Assumption Day'],
  ['2027-11-01', "All Saints' Day"],
  ['2027-12-07', "Sant'Ambrogio, patron saint of Milan"],
  ['2027-12-08', 'Immaculate Conception'],
  ['2027-12-25', 'Christmas Day'],
  ['2027-12-26', "St Stephen's Day"],
  ['2028-01-01', "New Year's Day"],
]

/** The demo services in Italian, written for patients (plain words, short sentences). */
/** The demo practitioners' title and bio in Italian (practitioner_texts), by demo staff key. */
export const DEMO_PRACTITIONER_TEXTS_IT: Record<string, { title: string; bio: string }> = {
  giulia: {
    title: 'Medico, dermatologa',
    bio: 'Dermatologa da 15 anni; tratta le cicatrici da acne e le rughe più profonde.',
  },
  marco: {
    title: 'Infermiere',
    bio: 'Infermiere in medicina estetica dal 2016; delicato con chi viene per la prima volta.',
  },
  sofia: {
    title: 'Estetista',
    bio: 'Si occupa di luminosità, grana della pelle e cura a casa.',
  },
  luca: {
    title: 'Estetista',
    bio: 'Formato nell’induzione di collagene; attento e senza fretta, con consigli chiari per dopo.',
  },
}

export const DEMO_SERVICE_TEXTS_IT: Record<
  string,
  { name: string; description: string; downtime: string }
> = {
  'medical-face': {
    name: 'Microneedling medico, viso',
    description:
      'Aghi sottili e sterili, da 1,0 a 1,5 mm, fanno tante piccole ferite. La pelle le ripara e produce nuovo collagene. Per rughe sottili, macchie e pelle non uniforme. Lo fa un medico o un infermiere.',
    downtime:
      'Pelle rossa come dopo un po’ di sole per 2 o 3 giorni. Pelle secca che si sfalda per una settimana al massimo.',
  },
  'acne-scars': {
    name: 'Microneedling per cicatrici da acne',
    description:
      'Aghi più profondi, fino a 2,0 mm, per rendere meno visibili le cicatrici lasciate dall’acne. Servono più sedute. Lo fa un medico o un infermiere.',
    downtime:
      'Rossore e gonfiore per 3 o 5 giorni. Piccole croste che cadono da sole entro 10 giorni.',
  },
  'stretch-marks': {
    name: 'Microneedling per smagliature',
    description:
      'Trattamento medico delle smagliature sul corpo: pancia, fianchi e cosce. Seduta dopo seduta migliora il loro colore e la pelle diventa più liscia. Lo fa un medico.',
    downtime:
      'Rossore per 2 o 4 giorni. Per un giorno o due non mettere vestiti stretti sulla zona.',
  },
  'eye-neck': {
    name: 'Contorno occhi e collo',
    description:
      'Trattamento medico delicato della pelle sottile intorno agli occhi, sempre fuori dal bordo dell’osso, e del collo. Per la pelle segnata e le piccole rughe.',
    downtime: 'Pelle rosa per 1 o 2 giorni. Sotto gli occhi può venire un piccolo livido.',
  },
  'skin-boost': {
    name: 'Trattamento cosmetico per una pelle luminosa',
    description:
      'Aghi molto corti, al massimo 0,5 mm, aprono piccoli canali. Così i sieri entrano meglio e la pelle è più luminosa. Non fa produrre nuovo collagene. Lo fa un estetista.',
    downtime: 'Pelle rosa per qualche ora, al massimo per 2 o 3 giorni. Niente croste.',
  },
  consultation: {
    name: 'Consulenza per la pelle',
    description:
      'Parli con un medico o un infermiere della tua pelle, di cosa vuoi ottenere e se il microneedling fa per te. Niente aghi. Te la proponiamo anche quando le domande sulla salute dicono che ora gli aghi non vanno bene per te.',
    downtime: 'Nessuno.',
  },
}

/** Who the demo staff accounts are (to tell a demo database from a real one). */
export const DEMO_STAFF_EMAILS = DEMO_STAFF.flatMap((staff) => (staff.email ? [staff.email] : []))

export function isDatabaseEmpty(db: Db): boolean {
  return db.select({ id: clinicSettings.id }).from(clinicSettings).get() === undefined
}

/**
 * Fills an empty, migrated database with the demo clinic and returns its staff sign-ins. Each
 * demo account gets its own random password unless the caller chooses one (tests own theirs).
 */
export async function seedDemoClinic(
  db: Db,
  options: { password?: string } = {},
): Promise<DemoSignIn[]> {
  const signIns = DEMO_STAFF.filter((staff) => staff.email).map((staff) => ({
    email: staff.email!,
    password: options.password ?? generateDemoPassword(),
    roles: staff.roles.join(' + '),
  }))
  // argon2 costs about 50 ms a hash: all in parallel, before the (synchronous) transaction.
  const hashes = new Map(
    await Promise.all(
      signIns.map(async (signIn) => [signIn.email, await hashPassword(signIn.password)] as const),
    ),
  )
  const now = new Date()
  db.transaction(
    (tx) => {
      tx.insert(clinicSettings)
        .values({
          id: 'clinic',
          name: 'Dermadesk Skin Clinic Milano',
          phone: '+39 02 8295 4410',
          email: 'clinic@dermadesk.example',
          address: 'Via Solferino 24, 20121 Milano MI, Italy',
          defaultLocale: 'it',
          ...DEFAULT_BOOKING_POLICIES,
        })
        .run()

      const serviceIds = new Map<string, string>()
      DEMO_SERVICES.forEach((service, index) => {
        const row = tx
          .insert(services)
          .values({ ...service, sortOrder: index })
          .returning({ id: services.id })
          .get()
        serviceIds.set(service.slug, row.id)
        // The services row holds the English; only other languages get a service_texts row, so
        // the admin's edits of the service are what English readers see.
        tx.insert(serviceTexts)
          .values({ serviceId: row.id, locale: 'it', ...DEMO_SERVICE_TEXTS_IT[service.slug]! })
          .run()
      })

      for (const staff of DEMO_STAFF) {
        let userId: string | null = null
        if (staff.email) {
          userId = tx
            .insert(users)
            .values({
              email: staff.email,
              name: staff.name,
              passwordHash: hashes.get(staff.email)!,
              passwordChangedAt: now,
            })
            .returning({ id: users.id })
            .get().id
          for (const role of staff.roles) tx.insert(userRoles).values({ userId, role }).run()
        }
        const p = staff.practitioner
        if (!p) continue
        const practitionerId = tx
          .insert(practitioners)
          .values({
            userId,
            displayName: staff.name,
            title: p.title,
            credential: p.credential,
            registration: p.registration,
            maxNeedleDepthUm: p.maxNeedleDepthUm,
            bio: p.bio,
          })
          .returning({ id: practitioners.id })
          .get().id
        const italian = DEMO_PRACTITIONER_TEXTS_IT[staff.key]
        if (italian)
          tx.insert(practitionerTexts)
            .values({ practitionerId, locale: 'it', ...italian })
            .run()
        for (const slug of p.services) {
          const serviceId = serviceIds.get(slug)
          if (!serviceId) throw new Error(`Unknown demo service ${slug}`)
          tx.insert(practitionerServices).values({ practitionerId, serviceId }).run()
        }
        for (const [weekday, intervals] of p.week) {
          for (const [startMinute, endMinute] of intervals) {
            tx.insert(workingHours)
              .values({ practitionerId, weekday, startMinute, endMinute })
              .run()
          }
        }
      }

      for (const [date, reason] of DEMO_CLOSURES)
        tx.insert(clinicClosures).values({ date, reason }).run()
    },
    { behavior: 'immediate' },
  )
  return signIns
}

import { type MessagesOf } from '../catalogue.ts'
import type en from './book-start.en.ts'

export default {
  title: 'Prenota un trattamento | {clinic}',
  heading: 'Quale trattamento vuoi fare?',
  inProgress: 'Stavi prenotando {service}. Se scegli un trattamento qui sotto, ricominci da capo.',
  choose: 'Scegli',
  after: 'Dopo:',
  notAvailable: 'Questo trattamento non è disponibile. Scegline uno dalla lista.',
} satisfies MessagesOf<typeof en>

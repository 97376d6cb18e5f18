import { type MessagesOf } from '../catalogue.ts'
import type en from './home.en.ts'

export default {
  title: 'Trattamenti di microneedling | {clinic}',
  heading: 'Microneedling nella nostra clinica di Milano',
  lead: 'Il microneedling usa aghi molto sottili per fare piccole ferite nella pelle. La pelle le ripara e produce nuovo collagene. Così possono attenuarsi rughe sottili, cicatrici e smagliature.',
  beforeVisit:
    'Prima della prima visita rispondi ad alcune domande sulla salute, così controlliamo che il trattamento sia sicuro per te. Poi leggi e firmi il consenso. Aspettati la pelle rossa per qualche giorno e piccole croste che cadono entro 10 giorni.',
  bookTreatment: 'Prenota un trattamento',
  findBooking: 'Trova o cambia una prenotazione',
  treatmentsHeading: 'I nostri trattamenti',
  treatmentsList: 'Trattamenti',
  after: 'Dopo:',
  course:
    'Di solito {sessions} sedute, a {weeks, plural, one {# settimana} other {# settimane}} l’una dall’altra.',
} satisfies MessagesOf<typeof en>

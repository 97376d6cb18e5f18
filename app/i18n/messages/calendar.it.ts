import { type MessagesOf } from '../catalogue.ts'
import type en from './calendar.en.ts'

export default {
  title: 'Appuntamento da {clinic}',
  description: 'Prenotazione {reference}. Gestisci la prenotazione: {url}. Telefono {phone}.',
  alarm: 'Domani hai un appuntamento in clinica',
} satisfies MessagesOf<typeof en>

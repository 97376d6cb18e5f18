import { type MessagesOf } from '../catalogue.ts'
import type en from './forms.en.ts'

export default {
  errorSummaryTitle: 'C’è un problema',
  emailRequired: 'Scrivi il tuo indirizzo email.',
  emailTooLong: 'Questo indirizzo email è troppo lungo.',
  emailInvalid: 'Scrivi un indirizzo email come nome@esempio.it.',
  nameRequired: 'Scrivi il tuo nome e cognome.',
  nameTooLong: 'Usa al massimo 120 caratteri.',
  nameCharacters: 'Usa solo lettere, spazi, apostrofi e trattini.',
  phoneRequired: 'Scrivi il tuo numero di telefono.',
  phoneTooLong: 'Questo numero di telefono è troppo lungo.',
  phoneInvalid: 'Scrivi un numero che possiamo chiamare, per esempio {example}.',
  phoneWithCountryCode: 'Scrivi il tuo numero con il prefisso del paese, per esempio {example}.',
  phoneExampleItaly: '{mobile} o {landline}',
  dateRequired: 'Scrivi una data.',
  dateFormat: 'Scrivi una data come 1990-04-25.',
  dateNotReal: 'Questa data non esiste.',
} satisfies MessagesOf<typeof en>

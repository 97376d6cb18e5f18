import { type MessagesOf } from '../catalogue.ts'
import type en from './details.en.ts'

export default {
  title: 'I tuoi dati | Dermadesk',
  heading: 'I tuoi dati',
  visit: '{service}, {when} con {practitioner}.',
  changeTime: 'Cambia l’orario',
  holding:
    'Teniamo questo orario per te fino alle {time}{countdown}. Se il tempo finisce, puoi andare avanti lo stesso: l’orario è tuo se è ancora libero quando confermi.',
  holdLost:
    'Non possiamo più tenere questo orario per te. Puoi andare avanti lo stesso: se è ancora libero quando confermi, è tuo.',
  fullName: 'Nome e cognome',
  fullNameHint: 'Come sul tuo documento. Lo scriverai di nuovo per firmare il consenso.',
  email: 'Email',
  emailHint: 'Ti mandiamo un codice a questo indirizzo per controllare che sia tuo.',
  phone: 'Cellulare',
  phoneHint:
    'Serve alla clinica per contattarti per questa visita. Un numero estero inizia con + e il prefisso del paese.',
  phoneHintWithCode:
    'Serve alla clinica per contattarti per questa visita. Scrivilo con il prefisso del paese, per esempio {example}.',
  dateOfBirth: 'Data di nascita',
  saving: 'Salvo…',
  continue: 'Continua',
  dateOfBirthRequired: 'Scrivi la tua data di nascita.',
  dateOfBirthFuture: 'La data di nascita deve essere nel passato.',
  dateOfBirthYear: 'Controlla l’anno della tua data di nascita.',
  dateOfBirthDiffers:
    'Questa non è la data di nascita che hai dato nelle domande sulla salute. Controllala, oppure cambia le tue risposte.',
} satisfies MessagesOf<typeof en>

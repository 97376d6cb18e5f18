import { type MessagesOf } from '../catalogue.ts'
import type en from './privacy-requests.en.ts'

export default {
  title: 'Chiedi dei tuoi dati | Dermadesk',
  heading: 'Chiedi dei tuoi dati',
  lead: 'Puoi chiederci di correggere, limitare o cancellare i dati che abbiamo su di te. Ti rispondiamo entro un mese.',
  requestLink: 'Chiedi di correggere o cancellare i miei dati',
  formHeading: 'Fai una richiesta',
  kindLegend: 'Cosa vuoi chiedere?',
  'kind.correction':
    'Correggi i miei dati: sistemiamo i dati su di te che sono sbagliati, come il nome o il telefono.',
  'kind.restriction':
    'Limita l’uso dei miei dati: finché non chiariamo, solo chi dirige la clinica apre la tua scheda.',
  'kind.erasure':
    'Cancella i miei dati: cancelliamo i tuoi contatti, le bozze e le email. Se hai fatto un trattamento, la legge ci chiede di tenere i moduli firmati e le note del trattamento per {years} anni. Poi li chiudiamo: solo i responsabili li aprono.',
  detailsLabel: 'Dicci di più',
  detailsHint:
    'Per una correzione, scrivi cosa è sbagliato e cosa è giusto. Per il resto puoi lasciarlo vuoto.',
  submit: 'Manda la richiesta',
  sent: 'Abbiamo la tua richiesta. Ti rispondiamo entro il {date}.',
  listHeading: 'Le tue richieste',
  caption: 'Le tue richieste, dalla più recente',
  colAsked: 'Chiesta il',
  colWhat: 'Richiesta',
  colStatus: 'Stato',
  colDue: 'Risposta entro',
  colAnswer: 'La nostra risposta',
  kindName:
    '{kind, select, correction {Correggi} restriction {Limita} erasure {Cancella} other {Richiesta}}',
  status:
    '{status, select, open {In attesa} granted {Fatto} partly_granted {Fatto in parte} refused {Rifiutata} other {In attesa}}',
  partlyKept:
    'Teniamo i moduli firmati e le note del trattamento fino al {date}, come chiede la legge (GDPR art. 9(2)(h) e art. 17(3)(c) ed (e)). Ora solo i responsabili li aprono.',
  refusedHold:
    'Dobbiamo tenere la tua scheda per una questione legale (GDPR art. 17(3)(e)). Non abbiamo cancellato nulla.',
  refusedErased: 'I tuoi dati erano già cancellati.',
  noAnswer: 'Ancora nessuna risposta.',
  empty: 'Non hai ancora chiesto nulla.',
  alreadyOpen: 'Lo hai già chiesto. Prima rispondiamo a quella richiesta.',
  alreadyErased: 'Abbiamo già cancellato i tuoi dati. Non c’è altro da cancellare.',
  kindRequired: 'Scegli cosa vuoi chiedere.',
  detailsRequired: 'Scrivi cosa è sbagliato e cosa è giusto.',
  detailsTooLong: 'Usa al massimo {max} caratteri.',
  back: 'Torna alla prenotazione',
} satisfies MessagesOf<typeof en>

import { type MessagesOf } from '../catalogue.ts'
import type en from './privacy.en.ts'

export default {
  title: 'Chi ha visto la tua scheda | Dermadesk',
  heading: 'Chi ha visto la tua scheda',
  lead: 'Qui vedi ogni volta che qualcuno della clinica ha aperto o cambiato la tua scheda. La lista copre gli ultimi 12 mesi. Viene dal nostro registro, e nessuno può cambiare quel registro.',
  since: 'Dal {date}. Gli orari sono {zone}.',
  caption: 'Chi ha aperto o cambiato la tua scheda, dal più recente',
  colWhen: 'Quando',
  colWho: 'Chi',
  colRole: 'Ruolo',
  colWhat: 'Cosa ha fatto',
  colRecord: 'Parte della scheda',
  role: '{role, select, clinician {Medico} admin {Amministrazione} reception {Accoglienza} other {Personale}}',
  noRole: 'Oggi senza ruolo',
  formerStaff: 'Una persona che non lavora più qui',
  otherAction: 'Altro uso della tua scheda',
  otherRecord: 'La tua scheda',
  empty: 'Negli ultimi 12 mesi nessuno della clinica ha aperto la tua scheda.',
  truncated:
    'Ti mostriamo solo le {limit} righe più recenti. Chiedi alla clinica se ti serve la lista intera.',
  questions: 'Qualcosa qui non torna? Chiama la clinica al <tel>{phone}</tel>.',
  back: 'Torna alla prenotazione',
  privacyHeading: 'La tua privacy',
  accessLink: 'Chi ha visto la mia scheda',
  staffTitle: 'Accessi alla scheda | Dermadesk',
  staffHeading: 'Chi ha visto la scheda di {name}',
  staffLead:
    'Ogni volta che il personale ha aperto o cambiato questa scheda negli ultimi 12 mesi, dal più recente. Usala per rispondere al paziente se te lo chiede.',
  staffCaption: 'Aperture e modifiche di questa scheda da parte del personale, dal più recente',
  staffEmpty: 'Negli ultimi 12 mesi nessuno del personale ha aperto questa scheda.',
  staffTruncated:
    'Vedi solo le {limit} righe più recenti. La lista intera è nel registro delle attività.',
  staffColRecord: 'Parte della scheda',
  staffBack: 'Torna alla scheda',
  chartLink: 'Chi ha visto questa scheda',
} satisfies MessagesOf<typeof en>

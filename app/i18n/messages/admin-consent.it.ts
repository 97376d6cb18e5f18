import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-consent.en.ts'

export default {
  consentForms: 'Moduli di consenso',
  intro:
    'Prima di prenotare, il paziente firma il modulo di consenso del livello del suo trattamento. Una versione pubblicata non cambia mai: per cambiare il testo, scrivi una nuova versione e pubblicala. Dalla data in cui vale, chi ha firmato una versione più vecchia firma di nuovo prima della seduta successiva.',
  tierLabel: '{tier, select, medical {Microneedling medico} other {Microneedling estetico}}',
  publishedAt: '{date} alle {time}',
  installedWithApp: 'Installato con l’app',
  inUseNow: 'In uso ora: <a>versione {n}</a>, per le sedute dal {date}.',
  scheduledLine: 'In programma: la <a>versione {n}</a> vale per le sedute dal {date}.',
  editDraft: 'Modifica la bozza della versione {n}',
  starting: 'Avvio…',
  writeVersion: 'Scrivi la versione {n}',
  historyCaption:
    'Versioni pubblicate del modulo per il {tier, select, medical {microneedling medico} other {microneedling estetico}}',
  colVersion: 'Versione',
  colForSessionsFrom: 'Per le sedute dal',
  colPublished: 'Pubblicata',
  colBy: 'Da',
  versionRow: 'Versione {n}',
  versionTitle: 'Versione del modulo di consenso',
  versionNotFound: 'Non troviamo questa versione del modulo di consenso.',
  installedLower: 'installato con l’app',
  tooEarly: 'Scegli il {date} o una data successiva.',
  tooHardToRead:
    'Questo testo ha un grado di lettura {grade}. Il testo per i pazienti deve avere grado {max} o meno: usa frasi più brevi e parole di tutti i giorni, poi salva e pubblica di nuovo.',
  missingParts:
    'Il modulo {tier, select, medical {medico} other {estetico}} deve dire, parola per parola, tutto il contenuto clinico del suo livello. Manca: {names}.',
  unknownPlaceholders: 'Segnaposto sconosciuti: {names}.',
  unknownPlaceholdersUseOnly: 'Segnaposto sconosciuti: {names}. Usa solo {allowed}.',
  translationProblems:
    'Prima di pubblicarlo, il modulo deve essere completo anche in italiano. Non è stato pubblicato nulla. Correggi questi punti, salva e pubblica di nuovo:',
  publishedLocked:
    'Questa versione è pubblicata: non si può più cambiare. Scrivi una nuova versione.',
  allConsentForms: 'Tutti i moduli di consenso',
  versionHeading:
    'Modulo di consenso per il microneedling {tier, select, medical {medico} other {estetico}}, versione {n}{draft, select, yes { (bozza)} other {}}',
  publishedLine:
    'Pubblicata il {at} da {by}. Vale per le sedute dal {date}. Le versioni pubblicate non cambiano mai.',
  readingGrade: 'Grado di lettura di ciò che legge il paziente: <b>{grade}</b>',
  gradeOk: 'grado {max} o meno',
  gradeTooHard: 'oltre il grado {max}: troppo difficile',
  discard: 'Elimina',
  discardDraft: 'Elimina questa bozza',
  previewHeading: 'Anteprima, come la leggeranno i pazienti',
  theText: 'Il testo',
  checkQuestions: 'Domande di verifica',
  rightAnswer: '(risposta giusta)',
} satisfies MessagesOf<typeof en>

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
  editDraftHeading: 'Modifica la bozza',
  draftHint:
    'Scrivi frasi brevi, con parole di tutti i giorni. Separa i paragrafi con una riga vuota; per un elenco, inizia la riga con "- ". Puoi usare {placeholders}: al loro posto vanno il nome della clinica, il telefono e le ore per disdire.',
  bilingualHint:
    'Scrivi ogni parte in inglese e in italiano: una versione si pubblica solo quando sono complete tutte e due. L’italiano è lo stesso modulo per i pazienti italiani, con parole semplici (Gulpease 60 o più), con le stesse risposte nello stesso ordine.',
  titleField: 'Titolo',
  italianTitleField: 'Titolo del modulo in italiano',
  partLegend:
    'Parte {n}: {purpose, select, procedure {Che cosa si fa e perché (aghi, profondità, che cosa fa la pelle).} what_to_expect {Che cosa aspettarsi giorno per giorno, risultati, il ciclo e il mantenimento.} risks {Rischi comuni e rari.} alternatives {Altre scelte, anche non fare nulla.} aftercare {Che cosa deve fare il paziente dopo.} when_to_call {Segni che vogliono dire: chiama la clinica.} photos {Foto cliniche, e la scelta a parte sull’uso per il marketing.} cancellation {Disdire e spostare la prenotazione.} withdrawal {Il diritto di cambiare idea.} other {Accettare di firmare online, e il diritto a una copia su carta.}}',
  partHeading: 'Titolo della parte {n}',
  partText: 'Testo della parte {n}',
  partItHeading: 'Parte {n} in italiano: titolo',
  partItText: 'Parte {n} in italiano: testo',
  questionsHint:
    'Almeno 4. Lascia vuota una domanda per toglierla. Ognuna ha da 2 a 5 risposte, una per riga, il numero di quella giusta e la parte del modulo che la spiega.',
  questionLabel: 'Domanda {n}',
  answersLabel: 'Risposte alla domanda {n}, una per riga',
  itQuestion: 'In italiano, n. {n}: la domanda',
  itAnswers: 'In italiano, n. {n}: le risposte, una per riga, nello stesso ordine',
  rightAnswerNumber: 'Numero della risposta giusta alla domanda {n}',
  explainingPart: 'Parte che spiega la domanda {n}',
  choosePart: 'Scegli una parte',
  saving: 'Salvataggio…',
  saveDraft: 'Salva la bozza',
  publish: 'Pubblica',
  publishIntro:
    'Prima salva le modifiche. Una volta pubblicata, la versione {n} non può più cambiare. Chi ha una seduta dalla data qui sotto in poi deve firmarla, anche se ha firmato una versione più vecchia.',
  appliesFromLabel: 'Vale per le sedute dal',
  appliesFromHint: 'Oggi o più avanti, nell’ora della clinica.',
  publishing: 'Pubblicazione…',
  publishVersion: 'Pubblica la versione {n}',
  // The draft editor's fields and the publish date
  chooseConsentForm: 'Scegli un modulo di consenso.',
  enterTitle: 'Scrivi un titolo.',
  enterSectionTitle: 'Scrivi il titolo della sezione.',
  enterSectionText: 'Scrivi il testo di questa sezione.',
  atMostCharacters: 'Usa al massimo {max} caratteri.',
  answersOnePerLine: 'Scrivi da 2 a 5 risposte, una per riga.',
  answerTooLong: 'Tieni ogni risposta sotto i 200 caratteri.',
  rightAnswerRequired: 'Scrivi il numero della risposta giusta (1 per la prima riga).',
  explainingPartRequired: 'Scegli la sezione che risponde a questa domanda.',
  atLeastQuestions: 'Scrivi almeno {min} domande di verifica.',
  chooseEffectiveDate: 'Scegli la data da cui vale.',
  // Why the Italian is not ready to publish, one line each
  problemNoItalian:
    'Italiano: il modulo non ha il testo in italiano. Scrivilo prima di pubblicare.',
  problemTitleEmpty: 'Italiano: il titolo è vuoto',
  problemHeadingEmpty: 'Italiano: il titolo di ‘{section}’ è vuoto',
  problemSectionEmpty: 'Italiano: la sezione ‘{section}’ è vuota',
  problemNoPrompt: 'Italiano: la domanda {n} non ha il testo',
  problemNoOptions: 'Italiano: la domanda {n} non ha risposte',
  problemAnswerCount:
    'Italiano: la domanda {n} ha {count, plural, one {# risposta} other {# risposte}}, quella inglese {english}',
  problemInvalid: 'Italiano: {path}: {message}',
  problemUnknownPlaceholders: 'Italiano: segnaposto sconosciuti {names}',
  problemLeavesOut: 'Italiano: manca ‘{name}’',
  problemSectionGulpease:
    'Italiano: la sezione ‘{section}’ ha un indice Gulpease di {index}; deve essere {min} o più',
  problemQuestionsGulpease:
    'Italiano: le domande hanno un indice Gulpease di {index}; deve essere {min} o più',
} satisfies MessagesOf<typeof en>

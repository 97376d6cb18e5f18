import { type MessagesOf } from '../catalogue.ts'
import type en from './screening-admin.en.ts'

export default {
  title: 'Regole dello screening | Impostazioni del centro | Dermadesk',
  heading: 'Regole dello screening',
  intro:
    'Le fonti non concordano su questi punti, quindi ogni centro sceglie (docs/clinical-reference.md, tabella 1.2). Pubblicare crea la versione {next}: da quel momento le risposte sono valutate con questa. Le risposte già date restano con la versione che le ha valutate, e con il loro esito.',
  unchanged: 'Niente è cambiato dalla versione {version}: non c’è nulla da pubblicare.',
  onlyLists: 'Scegli le regole più severe o più permissive solo dalle liste.',
  minimumAgeHint: 'I pazienti più giovani non sono idonei. Fonti: R-7, R-5.',
  reviewUnderAgeHint:
    'I pazienti dall’età minima fino a questa età richiedono la revisione di un medico. Fonte: A-7 (SkinPen è approvato dai 22 anni).',
  versionsHeading: 'Versioni',
  colVersion: 'Versione',
  colPublished: 'Pubblicata',
  colBy: 'Da',
  colChanges: 'Modifiche',
  colNote: 'Nota',
  inUse: '{version} (in uso)',
  numberLabel: '{label} ({unit})',
  years: 'anni',
  months: 'mesi',
  days: 'giorni',
  ageLegend: 'Età',
  windowsLegend: 'Periodi di attesa',
  windowsHint:
    'Il primo giorno prenotabile si sposta alla fine del periodo. Le fonti danno periodi diversi; i valori predefiniti sono i più comuni.',
  sourcesLine: 'Fonti: {sources}.',
  stricterLegend: 'Scelte più severe',
  stricterHint:
    'Per impostazione predefinita queste richiedono la revisione di un medico e il paziente può prenotare. Spunta una regola per renderla “non idoneo”: il paziente non può prenotare e gli viene proposta una consulenza.',
  stricterLabel: '{label}: non idoneo',
  relaxLegend: 'Dove le fonti non concordano',
  relaxHint:
    'Per impostazione predefinita queste sono “non idoneo”: il paziente non può prenotare e gli viene proposta una consulenza. Spunta una regola per far decidere invece un medico.',
  relaxLabel: '{label}: revisione del medico',
  sourcesLegend: 'Fonti di ogni regola',
  sourcesHint:
    'Sigle del registro delle fonti in docs/clinical-reference.md, sezione 1.3, separate da virgole. Ogni regola ne richiede almeno una.',
  sourcesFor: 'Fonti: {label}',
  noteLabel: 'Perché cambi le regole? (facoltativo)',
  noteHint: 'Resta con la versione, per esempio il nome del medico che ha deciso.',
  publishing: 'Pubblicazione…',
  publish: 'Pubblica la versione {version}',
  minimumAge: 'Età minima',
  reviewUnderAge: 'Revisione del medico sotto l’età di',
  isotretinoinMonths: 'Attesa dopo l’ultima dose di isotretinoina',
  cancerTreatmentMonths: 'Attesa dopo la fine di chemioterapia o radioterapia',
  toxinDays: 'Attesa dopo la tossina botulinica',
  fillerDays: 'Attesa dopo il filler dermico',
  retinoidDays: 'Attesa dopo un retinoide o un acido topico',
  peelDays: 'Attesa dopo un peeling chimico',
  laserDays: 'Attesa dopo laser o IPL',
  tanDays: 'Attesa dopo abbronzatura o autoabbronzante',
  deepPeelMonths: 'Attesa dopo dermoabrasione o peeling profondo',
  facialSurgeryMonths: 'Attesa dopo lifting o chirurgia delle palpebre',
  // Publish-form messages and the version history's changes
  wholeNumber:
    '{unit, select, years {Scrivi un numero intero di anni, da {min} a {max}.} months {Scrivi un numero intero di mesi, da {min} a {max}.} days {Scrivi un numero intero di giorni, da {min} a {max}.} other {Scrivi un numero intero, da {min} a {max}.}}',
  atMostCharacters: 'Usa al massimo {max} caratteri.',
  unknownSourceTags:
    '{label}: {count, plural, one {{tags} non è} other {{tags} non sono}} nel registro delle fonti. Usa sigle come C-SP1, B-2 o D-4.',
  reviewAtLeastMinimum: 'Deve essere almeno l’età minima.',
  sourcesRefused:
    'Ogni regola ha bisogno di almeno una fonte del registro delle fonti. Non pubblicato: {rules}.',
  sourceProblemNone: '{label} (nessuna fonte)',
  sourceProblemUnknown:
    '{label} ({count, plural, one {{tags} non è} other {{tags} non sono}} nel registro delle fonti)',
  changeFirstVersion: 'Prima versione',
  changeNumber:
    '{label}: {before} → {after} {unit, select, years {anni} months {mesi} days {giorni} other {}}',
  changeNowNotEligible: '{rule}: ora non idoneo',
  changeBackToReview: '{rule}: di nuovo revisione del medico',
  changeNowReview: '{rule}: ora revisione del medico',
  changeBackToNotEligible: '{rule}: di nuovo non idoneo',
  changeSources: '{rule}: fonti {before} → {after}',
  noSources: 'nessuna',
  publishedByUnknown: 'Sconosciuto',
  builtIn: 'Inclusa nell’app',
} satisfies MessagesOf<typeof en>

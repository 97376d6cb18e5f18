import { type MessagesOf } from '../catalogue.ts'
import type en from './photos.en.ts'

export default {
  pageTitle: 'Foto cliniche | Staff | Dermadesk',
  heading: 'Foto di {name}',
  intro:
    'Scatta le foto prima del trattamento e dopo, una per ogni zona e angolo. Le vedono solo i clinici.',
  sessionLine: 'Visita del {date}, seduta {session}',
  linkPhotos: 'Foto',
  linkBeforePhotos: 'Scatta le foto prima',
  'gate.no-consent':
    'Non puoi scattare foto: il paziente non ha firmato un consenso valido per questa visita.',
  'gate.consent-withdrawn': 'Non puoi scattare foto: il paziente ha ritirato il consenso.',
  'gate.no-photo-consent':
    'Non puoi scattare foto: nel consenso il paziente non ha accettato le foto cliniche.',
  'gate.booking-closed':
    'Non puoi scattare foto: questa prenotazione è stata annullata o non ha avuto luogo.',
  'refusal.not-this-patient':
    'Questo modulo era per un altro paziente. Riapri la pagina delle foto di questa visita.',
  'refusal.too-many': 'Questa visita ha già {max} foto: è il massimo per una visita.',
  'refusal.marketing-not-allowed':
    'Il paziente non ha accettato l’uso delle foto per il marketing. Togli la spunta.',
  'refusal.missing': 'Scegli una foto o scattane una con la fotocamera.',
  'refusal.too-large': 'Questa foto supera i {megabytes} MB. Scegline una più piccola.',
  'refusal.not-an-image':
    'Questo file non è una foto che possiamo leggere. Scegli una foto JPEG, PNG, WebP o HEIF.',
  'refusal.too-many-pixels':
    'Questa immagine supera i {megapixels} megapixel. Scegli una normale foto della fotocamera.',
  uploadUnreadable: 'Non siamo riusciti a leggere il file. Riprova.',
  chooseArea: 'Scegli la zona.',
  chooseView: 'Scegli l’angolo.',
  chooseStage: 'Scegli prima o dopo.',
  thisVisitHeading: 'Le foto di questa visita',
  noPhotosYet: 'Ancora nessuna foto di questa visita.',
  photoCount: '{count, plural, one {# foto} other {# foto}} su un massimo di {max}.',
  photoCaption: '{stage, select, before {Prima} other {Dopo}}: {area}, {view}',
  takenLine: 'Scattata alle {time} da {by}',
  marketingBadge: 'Per il marketing',
  addHeading: 'Aggiungi una foto',
  area: 'Zona',
  treatedAreasGroup: 'Zone di questo ciclo',
  otherAreasGroup: 'Altre zone',
  view: 'Angolo',
  stage: 'Prima o dopo il trattamento',
  'stage.before': 'Prima',
  'stage.after': 'Dopo',
  'view.front': 'Di fronte',
  'view.left_oblique': 'Sinistra a 45°',
  'view.right_oblique': 'Destra a 45°',
  'view.left_profile': 'Profilo sinistro',
  'view.right_profile': 'Profilo destro',
  'view.close_up': 'Primo piano',
  photo: 'Foto',
  photoHint: 'Usa la fotocamera o scegli un file: JPEG, PNG, WebP o HEIF, fino a {megabytes} MB.',
  marketingUse: 'Si può usare per il marketing (il paziente ha accettato)',
  addPhoto: 'Aggiungi la foto',
  adding: 'Sto aggiungendo…',
  added: 'Foto aggiunta.',
  previewHeading: 'Allinea la foto',
  previewAlt: 'La foto che hai scelto',
  guideText: 'Una guida chiara mostra la foto del {date} della stessa zona e angolo.',
  noGuide: 'Non c’è una foto precedente di questa zona e angolo con cui allinearla.',
  showGuide: 'Mostra la guida sopra la foto',
  photoNotFound: 'Non troviamo questa foto.',
} satisfies MessagesOf<typeof en>

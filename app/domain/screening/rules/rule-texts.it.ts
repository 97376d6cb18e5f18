import { type ScreeningSettings } from '../screening-settings.schema.ts'
import { type RuleContext, type WaitingWindow } from './rule-types.ts'

/**
 * The rules' words in Italian, by rule id: the same meaning as the English beside each rule in
 * this folder (the English is the record; ADR 038). The patient's sentences are in the informal
 * "tu", short, for a Gulpease index of 60 or more (questionnaire.test.ts); the clinician's and the
 * admin's are the usual Italian clinical terms.
 */
export type RuleTextsOf = {
  label: string
  patient?: (context: RuleContext) => string
  clinician: (context: RuleContext) => string
}

const HEALED = 'Prenota di nuovo quando è guarito.'
const NO_NUMBING =
  'Forse non possiamo usare la crema che addormenta la pelle. Un medico controlla come trattarti senza rischi.'

function span(settings: ScreeningSettings, window: Pick<WaitingWindow, 'setting' | 'unit'>) {
  const n = settings[window.setting]
  const unit =
    window.unit === 'months' ? (n === 1 ? 'mese' : 'mesi') : n === 1 ? 'giorno' : 'giorni'
  return `${n} ${unit}`
}

const days = (n: number) => (n === 1 ? '1 giorno' : `${n} giorni`)

export const RULE_TEXTS_IT: Record<string, RuleTextsOf> = {
  // Not eligible
  'infection-at-site': {
    label: 'Infezione attiva nella zona',
    patient: () =>
      `Hai un’infezione della pelle dove vuoi il trattamento. Gli aghi possono spargerla. ${HEALED}`,
    clinician: () =>
      'Infezione batterica, virale o fungina attiva nella zona: controindicato fino a guarigione.',
  },
  'open-wound-at-site': {
    label: 'Ferita o lesione aperta nella zona',
    patient: () =>
      `Hai un taglio o una piaga aperta dove vuoi il trattamento. Trattiamo solo pelle sana e intera. ${HEALED}`,
    clinician: () =>
      'Ferita, lesione aperta o pelle irritata nella zona: controindicato (etichetta SkinPen).',
  },
  'cold-sore-now': {
    label: 'Herpes labiale attivo',
    patient: () => `Adesso hai l’herpes sul labbro. Il trattamento può spargerlo. ${HEALED}`,
    clinician: () => 'Lesione attiva da herpes simplex: rimandare fino a guarigione.',
  },
  'skin-cancer-at-site': {
    label: 'Tumore cutaneo o neo cambiato nella zona',
    patient: () =>
      'Ci hai detto di un neo che è cambiato, o di un tumore della pelle, dove vuoi il trattamento. Prima deve vederlo un medico. Per questo ora non possiamo trattare quella pelle.',
    clinician: () =>
      'Tumore cutaneo attivo o neo cambiato nella zona: controindicato in quella zona (etichetta SkinPen); inviare a valutazione.',
  },
  'actinic-keratosis-at-site': {
    label: 'Cheratosi attinica nella zona',
    patient: () =>
      'Ci hai detto di macchie ruvide e squamose fatte dal sole, dove vuoi il trattamento. Prima deve vederle un medico. Per questo ora non possiamo trattare quella pelle.',
    clinician: () =>
      'Cheratosi attinica (solare) nella zona: non in quella zona; Dermapen richiede il consenso di un medico. Proporre una consulenza.',
  },
  'raised-lesion-at-site': {
    label: 'Lesione rilevata o non valutata nella zona',
    patient: () =>
      'Ci hai detto di un rilievo o di un nodulo che nessun medico ha visto, dove vuoi il trattamento. Prima deve vederlo un medico. Per questo ora non possiamo trattare quella pelle.',
    clinician: () =>
      'Lesione rilevata o sospetta nella zona, non ancora valutata: non in quella zona fino alla valutazione. Proporre una consulenza.',
  },
  'flare-at-site': {
    label: 'Eczema, psoriasi o rosacea attivi nella zona',
    patient: () =>
      'Dove vuoi il trattamento hai eczema, psoriasi o rosacea in fase attiva. Prenota di nuovo quando la pelle si è calmata.',
    clinician: () => 'Eczema, psoriasi, dermatite o rosacea attivi nella zona: rimandare.',
  },
  sunburn: {
    label: 'Scottatura solare',
    patient: () => `Hai una scottatura. Non possiamo trattare la pelle scottata. ${HEALED}`,
    clinician: () => 'Pelle scottata dal sole: stop assoluto quel giorno; riprogrammare.',
  },
  'bleeding-disorder': {
    label: 'Disturbo della coagulazione',
    patient: () =>
      'Hai un problema di sangue. Il trattamento fa sanguinare un po’ la pelle. Per te non è sicuro.',
    clinician: () =>
      'Disturbo emorragico o dell’emostasi: controindicato (etichetta SkinPen); Dermapen richiede il consenso di un medico.',
  },
  'isotretinoin-now': {
    label: 'Isotretinoina in corso',
    patient: () =>
      'Adesso prendi l’isotretinoina. Mentre la prendi, la pelle guarisce male e possono restare cicatrici. Per questo non possiamo trattarti.',
    clinician: () => 'Isotretinoina in corso: controindicato (etichetta SkinPen).',
  },
  'pregnancy-or-breastfeeding': {
    label: 'Gravidanza o allattamento',
    patient: ({ kind }) =>
      kind === 'not_eligible'
        ? 'Non facciamo questo trattamento in gravidanza o durante l’allattamento. Lo dice chi fa lo strumento con gli aghi. Puoi prenotare di nuovo più avanti.'
        : 'Molti centri non trattano chi è incinta o allatta. Un medico controlla le tue risposte.',
    clinician: ({ answers, kind }) =>
      `${answers.pregnancy === 'breastfeeding' ? 'Allattamento' : 'Gravidanza, certa o possibile'}: controindicato nell’etichetta SkinPen; Dermapen controindica solo l’anestetico topico. Le fonti non concordano; ${kind === 'not_eligible' ? 'non idonea per impostazione predefinita' : 'questo centro chiede la revisione di un medico'}.`,
  },
  'stainless-steel-allergy': {
    label: 'Allergia all’acciaio inox',
    patient: () =>
      'Gli aghi sono di acciaio inox. Se sei allergico all’acciaio, il trattamento non è sicuro per te.',
    clinician: () =>
      'Allergia nota all’acciaio inox: controindicato nell’etichetta SkinPen; l’allergia ai metalli è un fattore di rischio (la sola anamnesi di nichel va in revisione).',
  },
  'under-minimum-age': {
    label: 'Sotto l’età minima',
    patient: ({ settings }) =>
      `Questo trattamento è solo per chi ha almeno ${settings.minimumAge} anni.`,
    clinician: ({ age, settings }) =>
      `Età ${age}: sotto il minimo del centro di ${settings.minimumAge} (la Scozia propone 18 anni per tutte le procedure non chirurgiche).`,
  },
  // Review
  'cold-sores-history': {
    label: 'Anamnesi di herpes labiale',
    patient: () =>
      'Hai avuto l’herpes sul labbro. Il trattamento può farlo tornare. Un medico controlla se ti serve un farmaco per prevenirlo.',
    clinician: () =>
      'Anamnesi di HSV: valutare copertura antivirale (prassi dei centri 1–3 giorni intorno al trattamento; nessun protocollo pubblicato per il microneedling).',
  },
  'keloid-tendency': {
    label: 'Tendenza a cheloidi o cicatrici in rilievo',
    patient: () =>
      'La tua pelle può fare cicatrici in rilievo. Un medico controlla se il trattamento va bene per te.',
    clinician: () =>
      'Tendenza a cheloidi o cicatrici ipertrofiche: controindicazione relativa; spesso uno stop assoluto nella pratica.',
  },
  'diabetes-not-controlled': {
    label: 'Diabete, controllo non confermato',
    patient: () =>
      'Il diabete non ben controllato può rallentare la guarigione. Un medico controlla le tue risposte.',
    clinician: ({ answers }) =>
      `Diabete, controllo dichiarato “${answers.diabetesControlled === 'no' ? 'no' : 'non sa'}”: il diabete non controllato è escluso dalla maggior parte dei centri.`,
  },
  'autoimmune-disease': {
    label: 'Malattia autoimmune',
    patient: () =>
      'Una malattia in cui il corpo attacca sé stesso può cambiare il modo in cui la pelle guarisce. Un medico controlla le tue risposte.',
    clinician: () =>
      'Malattia autoimmune o del collagene (es. sclerodermia, lupus, artrite reumatoide): serve il consenso di un medico; chiedere delle terapie in corso.',
  },
  immunosuppression: {
    label: 'Immunosoppressione',
    patient: () =>
      'Con difese immunitarie deboli le infezioni sono più facili. Un medico controlla le tue risposte.',
    clinician: () =>
      'Immunosoppressione: rimandare durante la terapia attiva; rischio di infezione.',
  },
  'cancer-treatment-now': {
    label: 'Chemioterapia o radioterapia in corso',
    patient: () =>
      'Le cure per un tumore possono rallentare la guarigione. Rendono anche più facili le infezioni. Un medico controlla le tue risposte.',
    clinician: () => 'Chemioterapia o radioterapia in corso: rimandare durante la terapia attiva.',
  },
  'skin-disease-history': {
    label: 'Anamnesi di eczema, psoriasi o rosacea',
    patient: () =>
      'Eczema, psoriasi o rosacea possono tornare dopo il trattamento. Un medico controlla le tue risposte.',
    clinician: () =>
      'Anamnesi di eczema, psoriasi, dermatite o rosacea: revisione (rimandare se attivi nella zona).',
  },
  'inflamed-acne': {
    label: 'Acne infiammatoria attiva',
    patient: () =>
      'Adesso hai brufoli rossi o che fanno male. Un medico controlla se trattare intorno o aspettare.',
    clinician: () =>
      'Acne infiammatoria attiva: il grado III–IV richiede il consenso di un medico; non sopra lesioni attive (un abstract di revisione non concorda).',
  },
  'warts-at-site': {
    label: 'Verruche nella zona',
    patient: () =>
      'Gli aghi possono spargere le verruche. Un medico controlla se possiamo trattare intorno.',
    clinician: () => 'Verruche (HPV) nella zona: rimandare o evitare la zona.',
  },
  anticoagulants: {
    label: 'Anticoagulante o antiaggregante',
    patient: () =>
      'Con gli anticoagulanti è più facile sanguinare e avere lividi. Un medico controlla le tue risposte. Non smettere il farmaco se non te lo dice il tuo medico.',
    clinician: () =>
      'Anticoagulante o antiaggregante: coinvolgere chi lo prescrive; nessuna fonte dice che il paziente debba sospenderlo da solo.',
  },
  'photosensitising-medicine': {
    label: 'Farmaco fotosensibilizzante',
    patient: () =>
      'Alcuni farmaci fanno scottare di più la pelle, o le cambiano colore. Un medico controlla le tue risposte.',
    clinician: () =>
      'Farmaco fotosensibilizzante: possibile controindicazione; parlarne con un medico.',
  },
  'nickel-allergy': {
    label: 'Allergia al nichel',
    patient: () =>
      'Negli aghi di acciaio c’è un po’ di nichel. Un medico controlla se il trattamento è sicuro per te.',
    clinician: () =>
      'Anamnesi di nichel: l’acciaio 316L contiene circa il 10–14 % di nichel, ma le punte sono risultate negative; nessuna linea guida per lo screening del nichel.',
  },
  'anaesthetic-allergy': {
    label: 'Allergia agli anestetici locali',
    patient: () =>
      'Forse sei allergico alla crema che addormenta la pelle. Un medico controlla se possiamo trattarti senza.',
    clinician: () =>
      'Allergia all’anestetico topico: stop assoluto per l’anestetico; se trattare senza, le fonti non concordano.',
  },
  'radiation-to-area': {
    label: 'Radioterapia sulla zona da trattare',
    patient: () =>
      'La pelle trattata con la radioterapia può guarire più piano. Un medico controlla le tue risposte.',
    clinician: () =>
      'Radioterapia sulla zona da trattare: un modulo di consenso la esclude, un centro per gli ultimi 3 mesi; valutare la pelle.',
  },
  'blood-borne-infection': {
    label: 'Infezione sistemica (es. epatite, HIV)',
    patient: () =>
      'Ci hai detto di un’infezione del sangue. Un medico controlla le tue risposte e pianifica la tua cura.',
    clinician: () =>
      'Infezione sistemica o ematica (epatite, HIV): esclusa da un elenco di centri estetici; revisione (stato immunitario, precauzioni universali).',
  },
  'numbing-liver-disease': {
    label: 'Epatopatia (crema anestetica)',
    patient: () => `Hai una malattia del fegato. ${NO_NUMBING}`,
    clinician: () =>
      'Epatopatia: anestetico topico controindicato (manuale Dermapen); trattare senza, o decidere.',
  },
  'numbing-pseudocholinesterase': {
    label: 'Deficit di pseudocolinesterasi (crema anestetica)',
    patient: () => `Il tuo corpo elimina piano alcuni farmaci. ${NO_NUMBING}`,
    clinician: () =>
      'Deficit di pseudocolinesterasi: anestetico topico controindicato (manuale Dermapen); trattare senza, o decidere.',
  },
  'numbing-methaemoglobinaemia': {
    label: 'Metaemoglobinemia (crema anestetica)',
    patient: () =>
      `Hai un problema del sangue. Alcune creme che addormentano la pelle lo possono peggiorare. ${NO_NUMBING}`,
    clinician: () =>
      'Metaemoglobinemia: anestetico topico controindicato (manuale Dermapen); trattare senza, o decidere.',
  },
  'numbing-sulpha-paba-allergy': {
    label: 'Allergia a sulfamidici o PABA (crema anestetica)',
    patient: () => `Sei allergico ai sulfamidici o al PABA. ${NO_NUMBING}`,
    clinician: () =>
      'Allergia a PABA o sulfamidici: anestetico topico controindicato (manuale Dermapen); trattare senza, o decidere.',
  },
  'numbing-heart-rhythm-medicine': {
    label: 'Antiaritmico (crema anestetica)',
    patient: () => `Prendi un farmaco per il battito del cuore. ${NO_NUMBING}`,
    clinician: () =>
      'Antiaritmico: anestetico topico controindicato (manuale Dermapen); trattare senza, o decidere.',
  },
  'young-adult': {
    label: 'Più giovane dell’età di revisione',
    patient: ({ settings }) =>
      `Hai meno di ${settings.reviewUnderAge} anni. Un medico controlla che il trattamento vada bene per te.`,
    clinician: ({ age }) =>
      `Età ${age}: le indicazioni FDA di SkinPen sono per pazienti dai 22 anni in su.`,
  },
  // Waiting windows
  'isotretinoin-recent': {
    label: 'Isotretinoina sospesa da poco',
    patient: ({ settings }) =>
      `Dopo l’ultima pastiglia di isotretinoina, la pelle ha bisogno di tempo per guarire bene. Aspettiamo ${span(settings, { setting: 'isotretinoinMonths', unit: 'months' })} dall’ultima pastiglia.`,
    clinician: ({ answers }) =>
      `Ultima dose di isotretinoina ${answers.isotretinoinLastDose}. Foglietto illustrativo: nessuna procedura di levigatura della pelle per 6 mesi; ASDS 2017 trova troppe poche prove per rimandare le procedure superficiali.`,
  },
  'toxin-recent': {
    label: 'Tossina botulinica di recente',
    patient: ({ settings }) =>
      `Dopo le punture per le rughe serve tempo. Aspettiamo ${days(settings.toxinDays)} dopo le punture.`,
    clinician: ({ answers }) =>
      `Tossina botulinica il ${answers.toxinDate}. Le attese dei centri vanno da 1 settimana a 6 mesi; nessuna base di prove.`,
  },
  'filler-recent': {
    label: 'Filler di recente',
    patient: ({ settings }) =>
      `Dopo il filler serve tempo. Aspettiamo ${days(settings.fillerDays)} dopo il filler.`,
    clinician: ({ answers }) =>
      `Filler dermico il ${answers.fillerDate}. Le attese dei centri vanno da 2 settimane a 12 mesi; nessuna base di prove.`,
  },
  'retinoids-recent': {
    label: 'Retinoide o acido topico',
    patient: ({ settings }) =>
      `Le creme con retinolo o acidi rendono la pelle sottile e sensibile. Smetti di usarle sulla zona ${days(settings.retinoidDays)} prima della visita.`,
    clinician: ({ answers }) =>
      `Retinoide topico o AHA/BHA usato l’ultima volta il ${answers.retinoidLastUse}. Le sospensioni dei centri vanno da 24 ore a 10 giorni.`,
  },
  'peel-recent': {
    label: 'Peeling chimico di recente',
    patient: ({ settings }) =>
      `Dopo un peeling la pelle ha bisogno di tempo per guarire. Aspettiamo ${days(settings.peelDays)} dopo il peeling.`,
    clinician: ({ answers }) =>
      `Peeling chimico il ${answers.peelDate}. Peeling profondo negli ultimi 30 giorni escluso dai centri; 3 mesi dopo un peeling profondo o una dermoabrasione.`,
  },
  'laser-recent': {
    label: 'Laser o IPL di recente',
    patient: ({ settings }) =>
      `Dopo il laser o la luce pulsata la pelle ha bisogno di tempo per guarire. Aspettiamo ${days(settings.laserDays)} dopo il trattamento.`,
    clinician: ({ answers }) =>
      `Laser o IPL il ${answers.laserDate}. 2 settimane dopo IPL o laser; 2–3 settimane dopo un frazionato non ablativo e 6–12 settimane dopo un ablativo.`,
  },
  'deep-peel-recent': {
    label: 'Dermoabrasione o peeling profondo di recente',
    patient: ({ settings }) =>
      `Dopo una dermoabrasione o un peeling profondo la pelle ha bisogno di tanto tempo per guarire. Aspettiamo ${span(settings, { setting: 'deepPeelMonths', unit: 'months' })} dopo il trattamento.`,
    clinician: ({ answers }) =>
      `Dermoabrasione o peeling profondo il ${answers.deepPeelDate}. Un centro aspetta 3 mesi; un altro esclude i peeling profondi negli ultimi 30 giorni.`,
  },
  'facial-surgery-recent': {
    label: 'Lifting o chirurgia delle palpebre di recente',
    patient: ({ settings }) =>
      `Dopo un lifting o un’operazione alle palpebre, la pelle e le cicatrici hanno bisogno di tempo. Aspettiamo ${span(settings, { setting: 'facialSurgeryMonths', unit: 'months' })} dopo l’operazione.`,
    clinician: ({ answers }) =>
      `Lifting o blefaroplastica il ${answers.facialSurgeryDate}. Un centro aspetta 1 anno; nessuna base di prove trovata.`,
  },
  'tan-recent': {
    label: 'Abbronzatura o autoabbronzante recente',
    patient: ({ settings }) =>
      `Con un’abbronzatura fresca è più facile che restino macchie sulla pelle. Aspettiamo ${days(settings.tanDays)} dall’ultima abbronzatura.`,
    clinician: ({ answers }) =>
      `Ultima abbronzatura o autoabbronzante ${answers.tanDate}. Attese dei centri da 24 ore a 2 settimane; autoabbronzante 48 ore.`,
  },
  'cancer-treatment-recent': {
    label: 'Chemioterapia o radioterapia finita da poco',
    patient: ({ settings }) =>
      `Dopo le cure per un tumore, la pelle ha bisogno di tempo per riprendersi. Aspettiamo ${span(settings, { setting: 'cancerTreatmentMonths', unit: 'months' })} dalla fine delle cure.`,
    clinician: ({ answers }) =>
      `Chemioterapia o radioterapia finita il ${answers.cancerTreatmentEndDate}. Un modulo di consenso esclude la radioterapia sulla zona negli ultimi 3 mesi.`,
  },
  // For the clinician only
  'darker-skin-type': {
    label: 'Fototipo IV–VI',
    clinician: ({ answers }) =>
      `Fototipo ${answers.skinType}: rischio più alto di iperpigmentazione post-infiammatoria; adattare la profondità allo spessore della pelle, evitare troppa pressione sull’osso, protezione UV rigorosa.`,
  },
  'eye-area': {
    label: 'Richiesta la zona degli occhi',
    clinician: () =>
      'Richiesta la zona perioculare: mai dentro il bordo orbitario (SkinPen); pelle sottile, le tabelle per i consumatori indicano 0,2–0,3 mm.',
  },
  'diabetes-controlled': {
    label: 'Diabete controllato',
    clinician: () =>
      'Diabete dichiarato ben controllato; alcuni centri escludono qualsiasi diabete.',
  },
}

/** What the clinician reads after a window's text, in Italian. */
export function windowNoteIt(
  window: Pick<WaitingWindow, 'unit'>,
  length: number,
  until: string,
  ended: boolean,
): string {
  const unit = window.unit === 'months' ? 'mesi' : 'giorni'
  return ended
    ? `L’attesa (${length} ${unit}) è finita il ${until}.`
    : `Attesa: ${length} ${unit}, fino al ${until}.`
}

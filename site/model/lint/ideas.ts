// How people actually write the things the wording rules look for, per language. A phrase list alone misses the
// variants ("we're so sorry for the trouble this caused", "对此造成的困扰，敬请谅解"), so an idea is also a set of
// word groups that must all occur in one sentence, in any order: an apology word together with an inconvenience
// word is the empty apology, whatever the words between them. Patterns are regular-expression sources matched
// case-insensitively; `\p{L}*` stands for any inflected ending (JavaScript's `\w` is ASCII only).

export interface Idea {
  /** Fixed phrases. */
  phrases: string[];
  /** Word groups that together, in one sentence and in any order, express the idea. */
  together: string[][][];
}

type ByLocale = Record<string, Idea>;
const idea = (phrases: string[], ...together: string[][][]): Idea => ({ phrases, together });

/** Apologising for "the inconvenience" rather than for what happened. */
export const APOLOGY: ByLocale = {
  en: idea(['(we )?(understand|appreciate|recogni[sz]e) the inconvenience'], [['apologi\\p{L}*', 'sorry', 'regret\\p{L}*', 'pardon'], ['inconvenien\\p{L}*', 'any (trouble|disruption|frustration|issues?|problems?)', '(the )?trouble (this|that|it) (may have |might have |has )?caus\\p{L}*']]),
  fr: idea([], [['excus\\p{L}*', 'désolé\\p{L}*', 'regrett\\p{L}*', 'pardon'], ['gêne', 'désagrément\\p{L}*', 'inconvénient\\p{L}*', 'dérangement\\p{L}*']]),
  de: idea([], [['entschuldig\\p{L}*', 'bedauern', 'tut uns leid', 'Verständnis'], ['Unannehmlichkeit\\p{L}*', 'Umstände\\p{L}*', 'Ungemach']]),
  sv: idea([], [['ursäkt\\p{L}*', 'beklagar', 'ledsna?'], ['olägenhet\\p{L}*', 'besvär\\p{L}*', 'obehag\\p{L}*', 'förvirring\\p{L}*']]),
  ro: idea([], [['scuze', 'ne pare rău', 'regretăm', 'regret'], ['neplăcer\\p{L}*', 'inconvenien\\p{L}*', 'deranj\\p{L}*', 'disconfort\\p{L}*']]),
  zh: idea([], [['歉意', '抱歉', '致歉', '谅解', '见谅', '对不起', '道歉'], ['不便', '困扰', '麻烦', '不适']]),
};

/**
 * Putting the problem on someone else: a third party together with a verb of causing or fault. Naming the cause
 * while owning the fix ("the cause is a problem at X, which we chose") is not blame, so the nouns are left out.
 */
export const BLAME: ByLocale = {
  en: idea(['out of our hands', 'not (on|at) our (end|side)', '(on|at) (their|the provider\'s|the vendor\'s) (end|side)'], [['third[- ]part(y|ies)', '(upstream |external |hosting |cloud )?(provider|vendor|supplier|partner)s?'], ['caused by', 'due to', 'because of', 'fault', 'blame\\p{L}*', '(is|are|was|were) responsible']]),
  fr: idea(['pas de notre ressort', 'ne dépend pas de nous'], [['tiers', 'prestataire\\p{L}*', 'fournisseur\\p{L}*', 'partenaire\\p{L}*', 'hébergeur\\p{L}*'], ['causée?s? par', 'd[ûu]e?s? à', 'à cause (de|du|des)', 'faute', '(est|sont|était|étaient) responsables?', 'imputables?']]),
  de: idea(['nicht in unserer Hand', 'nicht von uns verschuldet'], [['Drittanbieter\\p{L}*', 'Dienstleister\\p{L}*', 'Anbieter\\p{L}*', 'Partner\\p{L}*', 'Hoster\\p{L}*', 'Zulieferer\\p{L}*', 'Dritte\\p{L}*'], ['verursacht', 'wegen', 'aufgrund', 'Schuld', 'verantwortlich', 'liegt bei', 'zurückzuführen']]),
  sv: idea(['inte (något )?vi kan påverka'], [['tredje part\\p{L}*', 'leverantör\\p{L}*', 'partner\\p{L}*'], ['orsakad\\p{L}* av', 'beror på', 'på grund av', 'skuld\\p{L}*', 'felet ligger']]),
  ro: idea(['nu (ține|depinde) de noi'], [['terț\\p{L}*', 'furnizor\\p{L}*', 'partener\\p{L}*'], ['cauzat\\p{L}* de', 'din cauza', 'vina', 'responsabil\\p{L}*', 'provocat\\p{L}* de']]),
  zh: idea(['非我方(原因|责任)'], [['第三方', '供应商', '服务商', '合作方', '运营商'], ['导致', '造成', '引起', '所致', '责任在']]),
};

/** Number words for exact durations, per language. */
const N = { en: '\\d+|one|two|five|ten|fifteen|twenty|thirty', fr: '\\d+|une?|deux|cinq|dix|quinze|vingt|trente', de: '\\d+|einer?|zwei|fünf|zehn|fünfzehn|zwanzig|dreißig', sv: '\\d+|en|ett|två|fem|tio|femton|tjugo|trettio', ro: '\\d+|un|o|două|cinci|zece|cincisprezece|douăzeci|treizeci' };

/** An exact recovery time ("back within 10 minutes", "sous 15 minutes, le service sera rétabli"). */
export const OVER_PROMISE: ByLocale = {
  en: idea([], [['fix\\p{L}*', 'resolv\\p{L}*', 'back( up)?', 'restor\\p{L}*', 'working( again)?', 'up and running', 'recover\\p{L}*', 'available'], [`(in|within|under) (the next )?(${N.en}) (seconds?|minutes?|mins?|hours?|hrs?)`, `(take|takes|taking|need|needs) (about |approximately |around |roughly )?(${N.en}) (more )?(minutes?|hours?)`]]),
  fr: idea([], [['résolu\\p{L}*', 'rétabli\\p{L}*', 'corrigé\\p{L}*', 'réparé\\p{L}*', 'de retour', 'fonctionn\\p{L}*', 'disponible\\p{L}*'], [`(d'ici|dans|en|sous) (${N.fr}) (secondes?|minutes?|heures?)`]]),
  de: idea([], [['behoben', 'wieder', 'gelöst', 'verfügbar', 'funktionier\\p{L}*'], [`(in|innerhalb von|binnen) (${N.de}) (Sekunden?|Minuten?|Stunden?)`]]),
  sv: idea([], [['löst\\p{L}*', 'åtgärda\\p{L}*', 'fixa\\p{L}*', 'igång', 'tillbaka', 'fungera\\p{L}*'], [`(inom|om|på) (${N.sv}) (sekund\\p{L}*|minut\\p{L}*|timm\\p{L}*|timme)`]]),
  ro: idea([], [['rezolvat\\p{L}*', 'remediat\\p{L}*', 'repus\\p{L}*', 'funcțional\\p{L}*', 'disponibil\\p{L}*', 'restabilit\\p{L}*'], [`(în|sub) (${N.ro}) (secunde|minute|minut|ore|oră)`]]),
  zh: idea([], [['修复', '恢复', '解决', '正常'], ['(\\d+|[一二两三五十半])\\s*(个)?\\s*(秒|分钟|小时)(内|之内|以内)']]),
};

/**
 * A promise of speed with no time in it ("as soon as possible", "in a few minutes"). The short words ("shortly",
 * "soon") count only beside a promise (we, will, restored…): "customers can try again shortly" is advice.
 */
export const VAGUE_TIME: ByLocale = {
  en: idea(['asap', 'a\\.s\\.a\\.p\\.?', 'as (soon|quickly|fast) as (possible|we can)', 'in (just )?a (few|couple( of)?) (more )?(seconds|minutes|moments|hours)', '(within|in|over) the (next|coming) few (minutes|hours)', 'any (minute|moment|second) now', 'momentarily', 'in short order', 'at the earliest opportunity', 'in due course'], [['shortly', 'soon(?! as)', 'promptly', 'quickly'], ['we', "we'll", 'will', 'expect\\p{L}*', 'should', 'restor\\p{L}*', 'resolv\\p{L}*', 'fix\\p{L}*', 'back', 'update']]),
  fr: idea(['dès que possible', 'au plus vite', 'le plus (rapidement|vite) possible', 'dans les (plus )?brefs délais', 'sous peu', 'très prochainement', "(d'ici|dans) quelques (secondes|minutes|instants|heures)", "d'une minute à l'autre"], [['bientôt', 'rapidement', 'tout de suite'], ['nous', 'sera', 'seront', 'devrai\\p{L}*', 'rétabli\\p{L}*', 'résolu\\p{L}*', 'corrigé\\p{L}*', 'de retour']]),
  de: idea(['so (schnell|bald|rasch) wie möglich', 'schnellstmöglich', 'baldmöglichst', 'möglichst (schnell|bald|rasch)', 'in Kürze', '(in|innerhalb) (von )?wenigen (Sekunden|Minuten|Augenblicken|Stunden)', 'jeden (Moment|Augenblick)'], [['bald', 'zeitnah', 'kurzfristig'], ['wir', 'werden', 'wird', 'sollte\\p{L}*', 'wieder', 'behoben', 'gelöst']]),
  sv: idea(['så (snart|fort|snabbt) som möjligt', 'så (snart|fort) (det går|vi kan)', 'snarast( möjligt)?', 'inom kort', '(om|inom) (några|ett par) (sekunder|minuter|timmar)', 'vilken minut som helst'], [['(?<!så )snart', 'strax'], ['vi', 'kommer', 'ska', 'beräkna\\p{L}*', 'åter\\p{L}*', 'löst', 'åtgärda\\p{L}*', 'tillbaka']]),
  ro: idea(['cât (mai )?(curând|repede|rapid) posibil', 'în cel mai scurt timp( posibil)?', 'în (câteva|cateva) (secunde|minute|momente|ore)', 'din clipă în clipă'], [['în curând', 'în scurt timp', 'rapid'], ['vom', 'va fi', 'vor fi', 'ar trebui', 'rezolvat\\p{L}*', 'remediat\\p{L}*', 'restabilit\\p{L}*', 'reveni\\p{L}*']]),
  zh: idea(['尽快', '尽早', '即将(恢复|修复|解决)', '稍后(恢复|更新|通知)', '(几|数)分钟(内|之内)', '短时间内', '第一时间'], [['很快', '马上'], ['我们', '将', '会', '恢复', '修复', '解决', '更新']]),
};

export function ideaFor(ideas: ByLocale, locale: string): Idea {
  return ideas[locale] ?? ideas[locale.split('-')[0]!] ?? ideas.en!;
}

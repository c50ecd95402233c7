// Phrases the communication rules look for, per language. Patterns are regular-expression sources, matched
// case-insensitively; Latin-script ones only at word boundaries. Teams add their own with `lint.<rule>.words`.

export interface Phrases {
  /** Internal terms customers don't understand. */
  jargon: string[];
  /** Apologies that say nothing ("sorry for any inconvenience"). */
  apology: string[];
  /** Wording that pushes the problem onto someone else. */
  blame: string[];
  /** Exact recovery times nobody can promise. */
  overPromise: string[];
  /** Words that describe what customers experience; a first update should use at least one. */
  impact: string[];
}

/** Understood the same in every language: protocol codes and engineering shorthand. */
const SHARED_JARGON = [
  'DNS', '[45]xx', 'HTTP ?[45]\\d\\d', '50[0234]', 'k8s', 'kubernetes', 'p9[059]', 'p99\\.9', 'OOM', 'TLS', 'BGP', 'CDN',
  'load ?balancer', 'failover', 'pods?', 'shards?', 'replicas?', 'SRE', 'RCA', 'SLO', 'rollback', 'hotfix', 'deploy(ment|ed|s)?',
  'postgres(ql)?', 'mysql', 'redis', 'kafka', 'nginx', 'mutex', 'race condition', 'config(uration)? drift',
];

export const PHRASES: Record<string, Phrases> = {
  en: {
    jargon: [...SHARED_JARGON, 'upstream', 'latency', 'database failover', 'connection pool', 'cache invalidation', 'memory leak', 'root cause'],
    apology: ['(we )?(sincerely )?apologi[sz]e for any inconvenience', 'sorry for any inconvenience', 'apologies for (any|the) inconvenience', 'we regret any inconvenience', 'inconvenience (this|that) (may have|has) caused'],
    blame: ['beyond our control', 'outside (of )?our control', 'not our fault', 'no fault of our own', '(caused|due to) (by )?(a |an )?third[- ]party', 'our (provider|vendor|supplier) (is|was) (to blame|responsible)', 'blame'],
    overPromise: ['(fixed|resolved|back( up)?|restored|working( again)?|up( and running)?) (in|within) (the next )?(\\d+|five|ten|two) (seconds?|minutes?|mins?|hours?)'],
    impact: ["can'?t", "\\w+n't", 'nobody', 'no one', 'than (usual|normal|expected)', 'instead of', 'twice', 'cannot', 'unable', 'not able', 'fail(s|ed|ing)?', 'errors?', 'slow(er)?', 'delay(s|ed)?', 'late', 'unavailable', 'down', "(don't|doesn't|isn't|aren't|won't) (work|load|arrive|open)", 'not (working|loading|arriving)', 'missing', 'wrong', 'affected', 'timeouts?', 'time out', 'stuck', 'can only'],
  },
  fr: {
    jargon: [...SHARED_JARGON, 'latence', 'bascule de (la )?base de données', 'fuite de mémoire', 'cause racine', 'amont'],
    apology: ['(nous )?(nous )?excusons (pour|de) (la|toute|cette) gêne( occasionnée)?', 'désolés? pour (la|toute) gêne', 'veuillez nous excuser pour (la|toute) gêne', 'regrettons (la|toute) gêne'],
    blame: ['indépendante? de notre volonté', 'hors de notre contrôle', "ce n'est pas (de )?notre faute", "(la )?faute (de|à) (notre|un) (prestataire|fournisseur)", 'dû à un tiers'],
    overPromise: ['(résolu|rétabli|corrigé|réparé)e?s? (d’ici|d\'ici|dans|en) (\\d+|cinq|dix) (secondes|minutes|heures)'],
    impact: ['ne peu(ven)?t pas', 'impossible', 'échou(e|ent|é)', 'erreurs?', 'lent(e|s|es)?', 'lenteurs?', 'retard(s|é|ée|és)?', 'indisponibles?', 'ne fonctionne(nt)? (pas|plus)', 'ne (se )?charge(nt)? pas', 'touché(e|s|es)?', 'concerné(e|s|es)?', 'bloqué(e|s|es)?'],
  },
  de: {
    jargon: [...SHARED_JARGON, 'Latenz', 'Datenbank-?Failover', 'Speicherleck', 'Root Cause'],
    apology: ['(wir )?entschuldigen uns für (etwaige|die|alle|eventuelle) Unannehmlichkeiten', 'bitten (um Entschuldigung|Sie um Verständnis) für (etwaige|die|eventuelle) Unannehmlichkeiten', 'entstandenen Unannehmlichkeiten'],
    blame: ['außerhalb unserer Kontrolle', 'nicht unsere Schuld', 'liegt (allein )?bei (unserem|einem) (Anbieter|Dienstleister|Drittanbieter)', 'durch (einen )?Drittanbieter verursacht'],
    overPromise: ['in (\\d+|fünf|zehn) (Sekunden|Minuten|Stunden) (behoben|wieder|gelöst)'],
    impact: ['(können|kann) (\\S+ ){0,3}nicht', 'nicht möglich', 'fehl(schlagen|geschlagen|er|ern)', 'langsam(er)?', 'verzöger(t|ung)', 'verspätet', 'nicht verfügbar', 'funktionier(t|en) (\\S+ )?nicht', 'laden nicht', 'betroffen', 'ausgefallen', 'Störung'],
  },
  sv: {
    jargon: [...SHARED_JARGON, 'latens', 'databas-?failover', 'minnesläcka'],
    apology: ['(vi )?ber om ursäkt för (eventuella|de|alla) olägenheter', 'beklagar (eventuella|de) olägenheter'],
    blame: ['utanför vår kontroll', 'inte vårt fel', '(orsakat|beror) (av|på) (en )?tredje part'],
    overPromise: ['(löst|åtgärdat|fixat|igång) (inom|om) (\\d+|fem|tio) (sekunder|minuter|timmar)'],
    impact: ['kan inte', 'går inte', 'misslyck(as|ades)', 'fel', 'långsam(t|ma)?', 'försen(ad|ade|ingar)', 'inte tillgänglig(a)?', 'fungerar inte', 'laddar inte', 'påverka(s|de|ts)', 'drabba(s|de|ts)', 'nere'],
  },
  ro: {
    jargon: [...SHARED_JARGON, 'latență', 'failover (al|pentru) baz(a|ei) de date', 'scurgere de memorie'],
    apology: ['(ne )?cerem scuze pentru (eventualele|orice|toate) (neplăceri|inconveniente)', 'ne pare rău pentru (eventualele|orice) (neplăceri|inconveniente)', 'regretăm (eventualele|orice) (neplăceri|inconveniente)'],
    blame: ['în afara controlului nostru', 'nu este vina noastră', '(cauzat|provocat)ă? de (un )?terț'],
    overPromise: ['(rezolvat|remediat|repus|funcțional)ă? în (\\d+|cinci|zece) (secunde|minute|ore)'],
    impact: ['nu pot', 'nu poate', 'imposibil', 'eșu(ează|ată|at)', 'erori?', 'lent(ă|e)?', 'întârzi(eri|ere|at|ate)', 'indisponibil(ă|e)?', 'nu funcționează', 'nu se încarcă', 'afectat(ă|e|i)?'],
  },
  zh: {
    jargon: [...SHARED_JARGON, '延迟', '数据库故障转移', '内存泄漏', '根因', '上游'],
    apology: ['给您?带来的?(任何)?不便[，,]?(我们)?(深表|表示)歉意', '带来不便[，,]?敬请谅解', '对(此|由此)(造成|带来)的不便(深表|表示)歉意'],
    blame: ['不在我们的控制范围', '并非我们的(责任|过错)', '(由于|因为)第三方(原因|问题)', '责任在于(服务商|供应商|第三方)'],
    overPromise: ['\\d+\\s*(秒|分钟|小时)(内|之内)(修复|恢复|解决)'],
    impact: ['无法', '不能', '失败', '错误', '缓慢', '变慢', '延迟', '不可用', '打不开', '加载不', '受到?影响', '中断'],
  },
};

export function phrasesFor(locale: string): Phrases {
  return PHRASES[locale] ?? PHRASES[locale.split('-')[0]!] ?? PHRASES.en!;
}

/** Typographic apostrophes read as plain ones, so "can’t" matches "can't" (same length: match positions hold). */
export function normalize(text: string): string {
  return text.replace(/[’‘]/g, "'");
}

/** Compiles phrases into one matcher: whole words in Latin scripts, anywhere in CJK. */
export function matcher(patterns: string[], locale: string): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const cjk = /^(zh|ja|ko)/.test(locale);
  const body = patterns.map((p) => `(?:${p})`).join('|');
  return new RegExp(cjk ? `(${body})` : `(?<![\\p{L}\\p{N}])(${body})(?![\\p{L}\\p{N}])`, 'giu');
}

// Wording for translated incidents, one set per language the example mirrors serve besides English. Generic
// on purpose (the component's configured name fills `{names}`): what matters to the benchmark is that
// translated pages carry translated prose of realistic length, and that untranslated ones show the fallback.

export interface Wording {
  title: string;
  maintenanceTitle: string;
  summary: string;
  investigating: string;
  identified: string;
  monitoring: string;
  resolved: string;
  scheduled: string;
  in_progress: string;
  verifying: string;
  completed: string;
}

export const TRANSLATIONS: Record<string, Wording> = {
  de: {
    title: 'Störung bei {names}',
    maintenanceTitle: 'Geplante Wartung: {names}',
    summary: 'Bei {names} kommt es derzeit zu Störungen. Auf dieser Seite steht, was betroffen ist, was Sie in der Zwischenzeit tun können und wann wir uns wieder melden.',
    investigating: 'Bei {names} kommt es für einige Kunden zu Fehlern, und manche Seiten laden langsamer als sonst. Alles andere funktioniert normal. Wir gehen der Ursache nach und melden uns spätestens um {next} wieder.',
    identified: 'Wir haben die Ursache gefunden und arbeiten an einer Lösung. Bis sie greift, sind einige Kunden weiterhin betroffen. Wir melden uns spätestens um {next} wieder.',
    monitoring: 'Eine Lösung ist eingespielt, und alles funktioniert wieder normal. Wir beobachten die Lage genau und melden uns spätestens um {next} wieder.',
    resolved: 'Das Problem ist behoben. Seit der Lösung funktioniert alles normal, und es sind keine Daten verloren gegangen.',
    scheduled: 'Am {start} führen wir geplante Arbeiten an {names} durch. In dieser Zeit ist {names} eventuell jeweils für einige Minuten nicht verfügbar. Alles andere funktioniert weiter.',
    in_progress: 'Die Arbeiten haben begonnen. {names} ist bis {end} eventuell zeitweise nicht verfügbar.',
    verifying: 'Die Arbeiten sind erledigt, und wir prüfen, ob alles wie vorgesehen funktioniert.',
    completed: 'Die Wartung ist abgeschlossen, und alles funktioniert normal.',
  },
  fr: {
    title: 'Perturbation : {names}',
    maintenanceTitle: 'Maintenance programmée : {names}',
    summary: '{names} connaît actuellement des perturbations. Cette page indique ce qui est concerné, ce que vous pouvez faire en attendant et quand nous publierons la prochaine mise à jour.',
    investigating: 'Certains clients rencontrent des erreurs avec {names}, et certaines pages sont plus lentes que d’habitude. Le reste fonctionne normalement. Nous recherchons la cause et publierons une nouvelle mise à jour au plus tard à {next}.',
    identified: 'Nous avons trouvé la cause et préparons une correction. En attendant, certains clients restent touchés. Nouvelle mise à jour au plus tard à {next}.',
    monitoring: 'Une correction est en place et tout fonctionne de nouveau normalement. Nous surveillons la situation de près. Nouvelle mise à jour au plus tard à {next}.',
    resolved: 'Le problème est résolu. Tout fonctionne normalement depuis la correction, et aucune donnée n’a été perdue.',
    scheduled: 'Le {start}, nous effectuerons des travaux programmés sur {names}. Pendant ce créneau, {names} pourra être indisponible quelques minutes à la fois. Le reste continue de fonctionner.',
    in_progress: 'Les travaux ont commencé. {names} pourra être indisponible par moments jusqu’à {end}.',
    verifying: 'Les travaux sont terminés et nous vérifions que tout fonctionne comme prévu.',
    completed: 'La maintenance est terminée et tout fonctionne normalement.',
  },
  sv: {
    title: 'Störning: {names}',
    maintenanceTitle: 'Planerat underhåll: {names}',
    summary: '{names} har just nu problem. Här ser du vad som påverkas, vad du kan göra under tiden och när vi skriver nästa gång.',
    investigating: 'Vissa kunder får fel i {names}, och en del sidor laddas långsammare än vanligt. Allt annat fungerar som vanligt. Vi felsöker och skriver igen senast {next}.',
    identified: 'Vi har hittat orsaken och arbetar på en lösning. Tills den är på plats påverkas vissa kunder fortfarande. Vi skriver igen senast {next}.',
    monitoring: 'En lösning är på plats och allt fungerar som vanligt igen. Vi håller noga koll och skriver igen senast {next}.',
    resolved: 'Problemet är löst. Allt har fungerat som vanligt sedan åtgärden, och inga data har gått förlorade.',
    scheduled: 'Den {start} utför vi planerat arbete på {names}. Under tiden kan {names} vara otillgängligt några minuter i taget. Allt annat fungerar som vanligt.',
    in_progress: 'Arbetet har börjat. {names} kan vara otillgängligt ibland fram till {end}.',
    verifying: 'Arbetet är klart och vi kontrollerar att allt fungerar som det ska.',
    completed: 'Underhållet är klart och allt fungerar som vanligt.',
  },
  ro: {
    title: 'Probleme cu {names}',
    maintenanceTitle: 'Mentenanță programată: {names}',
    summary: '{names} are în prezent probleme. Pe această pagină găsiți ce este afectat, ce puteți face între timp și când revenim cu noutăți.',
    investigating: 'Unii clienți primesc erori în {names}, iar unele pagini se încarcă mai greu decât de obicei. Restul funcționează normal. Căutăm cauza și revenim cu noutăți cel târziu la {next}.',
    identified: 'Am găsit cauza și lucrăm la o remediere. Până atunci, unii clienți sunt în continuare afectați. Revenim cu noutăți cel târziu la {next}.',
    monitoring: 'Remedierea este aplicată și totul funcționează din nou normal. Urmărim situația îndeaproape și revenim cel târziu la {next}.',
    resolved: 'Problema este rezolvată. Totul funcționează normal de la remediere și nu s-au pierdut date.',
    scheduled: 'Pe {start} vom efectua lucrări programate la {names}. În acest interval, {names} poate fi indisponibil câteva minute o dată. Restul funcționează în continuare.',
    in_progress: 'Lucrările au început. {names} poate fi indisponibil din când în când până la {end}.',
    verifying: 'Lucrările s-au încheiat și verificăm că totul funcționează cum trebuie.',
    completed: 'Mentenanța s-a încheiat și totul funcționează normal.',
  },
  'zh-CN': {
    title: '{names}出现故障',
    maintenanceTitle: '计划维护：{names}',
    summary: '{names}目前出现故障。本页说明受影响的内容、您在此期间可以怎么做，以及我们何时发布下一次更新。',
    investigating: '部分客户在使用{names}时遇到错误，部分页面加载比平时慢。其他功能正常。我们正在调查原因，最迟将于 {next} 发布下一次更新。',
    identified: '我们已找到原因，正在修复。修复完成前，部分客户仍会受到影响。最迟将于 {next} 发布下一次更新。',
    monitoring: '修复已完成，一切已恢复正常。我们正在密切观察，最迟将于 {next} 发布下一次更新。',
    resolved: '问题已解决。修复后一切运行正常，没有数据丢失。',
    scheduled: '我们将于 {start} 对{names}进行计划维护。维护期间，{names}可能会间歇性地无法使用几分钟。其他功能照常运行。',
    in_progress: '维护已开始。在 {end} 之前，{names}可能间歇性无法使用。',
    verifying: '维护已完成，我们正在确认一切运行正常。',
    completed: '维护已完成，一切运行正常。',
  },
};

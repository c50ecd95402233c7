// How people really write status updates, per language, with the wording rules each sentence should trip
// (none for the good ones). Most are real sentences from public status pages and service notices; the rest are
// variants written for this corpus (inflections, word order, full-width punctuation) and say so. `candor`'s own
// rule lists were not the source: many of these phrasings are in none of them.
//
// Sources (GitHub repository and path; "code corpus #N" is a public GitHub file found through a code search
// whose repository the search does not name, by its index id):
//   LA   dshymanskyi/la-status-v2, _posts/2024-06-03-System-degradation-in-German.md, _posts/2024-01-23-System-degradation-in-Western-Europe.md, _posts/2024-09-24-Callcenter-degradation-in-EU---German-data-center.md
//   GOV  alphagov/govuk-developer-docs, source/manual/post-a-statuspage-message.html.md
//   EMMA ZSharpe/ManagerDashboard, status.js (a captured Statuspage /api/v2 document of status.myemma.com)
//   LAB  LabIMotion/labimotion.github.io, docs/blog/categories/announcements/2024-12-16-service-is-back.md
//   GP   Gitpod's cState status page history (incident "Gitpod is unstable in the US", 2021-03-19)
import type { RuleId } from '../../site/model/lint/ids.ts';

export type WordingRule = Extract<RuleId, 'jargon' | 'empty-apology' | 'blame-shifting' | 'over-promise' | 'vague-time' | 'internal-names'>;
export const WORDING_RULES: WordingRule[] = ['jargon', 'empty-apology', 'blame-shifting', 'over-promise', 'vague-time', 'internal-names'];

export interface Sample {
  text: string;
  expect: WordingRule[];
  source: string;
}

const VARIANT = 'variant written for this corpus';
const s = (text: string, expect: WordingRule[], source: string): Sample => ({ text, expect, source });

export const SAMPLES: Record<string, Sample[]> = {
  en: [
    s('Our technical team is actively working to identify the root cause of the issue and restore full functionality ASAP.', ['jargon', 'vague-time'], 'LA 2024-06-03'),
    s('We understand the inconvenience this may cause and assure you that we are taking all necessary steps to resolve this incident promptly.', ['empty-apology', 'vague-time'], 'LA 2024-06-03'),
    s('We apologize for any inconvenience this degradation may have caused.', ['empty-apology'], 'LA 2024-01-23'),
    s('The issues have been successfully resolved and all services are up and running as usual again.', [], 'LA 2024-09-24'),
    s('We’ve been told that publishers aren’t able to upload attachments to pages. We’re looking into why this is happening.', [], 'GOV'),
    s('We’re working on fixing it, we think it’ll take approximately 3 hours to fix.', ['over-promise'], 'GOV'),
    s('The problem has been resolved and the publishing platform is stable again. Apologies for the inconvenience.', ['empty-apology'], 'GOV'),
    s('A fix has been implemented and we are monitoring the results.', [], 'EMMA'),
    s('Thanks for bearing with us! The service is now back online. We apologize for any inconvenience.', ['empty-apology'], 'LAB'),
    s('After this morning’s deployment, the US cluster seems to be unstable. Some users are unable to log in.', ['jargon'], 'GP'),
    s('Our team is actively working to restore service. We expect this to be resolved shortly.', ['vague-time'], 'code corpus #44407226408'),
    s('Letter generation is temporarily unavailable due to an issue with our AI provider.', ['blame-shifting'], 'code corpus #52697478381'),
    s('We will provide an update within 30 minutes or as soon as we have more information.', [], 'code corpus (Abnormal status page examples)'),
    s("We're so sorry for the trouble this caused.", ['empty-apology'], VARIANT),
    s('Within 10 minutes everything should be back to normal.', ['over-promise'], VARIANT),
    s('This outage was caused by our upstream hosting provider.', ['blame-shifting', 'jargon'], VARIANT),
    s('PaymentGatewayService on db-03.prod.internal throws TimeoutError; see INC-4821.', ['internal-names'], VARIANT),
    s('Requests to invoiceWorker fail with ECONNRESET and PAYMENT_QUEUE_FULL.', ['internal-names'], VARIANT),
    s('Card payments work again on iPhone and in the GitHub integration since 10:55 UTC.', [], VARIANT),
    s('Some customers can’t pay invoices by card. We’re sorry: invoices you sent this morning may show as unpaid.', [], VARIANT),
  ],
  fr: [
    s('Nous nous excusons pour la gêne occasionnée.', ['empty-apology'], 'code corpus #67404293075'),
    s('L’espace client sera de nouveau accessible dans les plus brefs délais avec de nouvelles fonctionnalités.', ['vague-time'], 'code corpus #30870502491'),
    s('Nous nous excusons pour la gêne occasionnée et mettons tout en oeuvre pour résoudre ce problème dans les plus brefs délais.', ['empty-apology', 'vague-time'], 'code corpus #17856858306'),
    s('Nous sommes désolés pour la gêne occasionnée. Nous réglons cela tout de suite.', ['empty-apology', 'vague-time'], 'code corpus #63152087062'),
    s('Pendant cette période, la plateforme sera temporairement inaccessible.', [], 'code corpus #29167857380'),
    s('Toutes nos excuses pour ce désagrément.', ['empty-apology'], VARIANT),
    s('La panne est due à notre hébergeur.', ['blame-shifting'], VARIANT),
    s('Le service sera rétabli d’ici 15 minutes.', ['over-promise'], VARIANT),
    s('Les requêtes échouent à cause de la latence du DNS.', ['jargon'], VARIANT),
    s('Le ticket OPS-2231 suit l’erreur TimeoutError sur worker-7.', ['internal-names'], VARIANT),
    s('Certains clients ne peuvent pas payer leurs factures par carte. Prochaine mise à jour à 10 h 45 UTC.', [], VARIANT),
  ],
  de: [
    s('Wir entschuldigen uns für die Unannehmlichkeiten und bitten Sie um Geduld, während wir an einer Lösung arbeiten.', ['empty-apology'], 'code corpus #48802707158'),
    s('Wir arbeiten daran, das Problem so schnell wie möglich zu beheben.', ['vague-time'], 'code corpus #7476086704'),
    s('Derzeit funktioniert die PDF-Generierungsfunktion nicht. Wir danken Ihnen für Ihr Verständnis und Ihre Geduld.', [], 'code corpus #1842268682'),
    s('Wir entschuldigen uns für die Unannehmlichkeiten, da der Bot derzeit nicht in Betrieb ist. Der Bot wird bald betriebsbereit sein.', ['empty-apology', 'vague-time'], 'code corpus #17435152012'),
    s('Für die entstandenen Umstände bitten wir um Entschuldigung.', ['empty-apology'], VARIANT),
    s('Die Störung wurde durch unseren Hosting-Partner verursacht.', ['blame-shifting'], VARIANT),
    s('Innerhalb von 20 Minuten sollte alles wieder funktionieren.', ['over-promise'], VARIANT),
    s('Wegen hoher Latenz im k8s-Cluster schlagen Anfragen fehl.', ['jargon'], VARIANT),
    s('Der InvoiceWorker meldet ECONNREFUSED (Ticket #48213).', ['internal-names'], VARIANT),
    s('Einige Kunden können Rechnungen nicht mit Karte bezahlen. Das nächste Update folgt um 10:45 UTC.', [], VARIANT),
  ],
  sv: [
    s('Vi ber om ursäkt för eventuellt olägenheter.', ['empty-apology'], 'code corpus #47217525844'),
    s('Vi ber om ursäkt för eventuella besvär som det här orsakar och arbetar för att lösa det.', ['empty-apology'], 'code corpus #35146078071'),
    s('Tack för ditt meddelande! Vi återkommer så snart som möjligt.', ['vague-time'], 'code corpus #38667011295'),
    s('Vi skriver här så snart arbetet är klart.', [], 'Candor maintenance-started template (sv), kept as a negative'),
    s('Vi beklagar besväret.', ['empty-apology'], VARIANT),
    s('Felet beror på vår leverantör.', ['blame-shifting'], VARIANT),
    s('Tjänsten är tillbaka inom 30 minuter.', ['over-promise'], VARIANT),
    s('Tjänsten är snart tillbaka.', ['vague-time'], VARIANT),
    s('Förfrågningar misslyckas på grund av hög latens.', ['jargon'], VARIANT),
    s('Kunder kan inte betala fakturor med kort. Nästa uppdatering kommer senast 10.45 UTC.', [], VARIANT),
  ],
  ro: [
    s('Din cauza unei probleme tehnice, ați fost deconectat. Ne cerem scuze pentru neplăcerile create.', ['empty-apology'], 'code corpus #4133098043'),
    s('Ne cerem scuze pentru inconvenient. Te rugăm să reîncarci pagina.', ['empty-apology'], 'code corpus #11938424184'),
    s('Momentan, plata cu cardul nu este disponibila. Ne cerem scuze pentru inconvenienta creata.', ['empty-apology'], 'code corpus #17036124937'),
    s('Ne cerem scuze pentru eventualele neplăceri. Vom încerca să-l revizuim cât mai repede posibil.', ['empty-apology', 'vague-time'], 'code corpus #30256112526'),
    s('Am primit raportul dumneavoastră și îl vom analiza cât mai curând posibil.', ['vague-time'], 'code corpus #34938263378'),
    s('Regretăm neplăcerile cauzate.', ['empty-apology'], VARIANT),
    s('Problema a fost cauzată de furnizorul nostru de găzduire.', ['blame-shifting'], VARIANT),
    s('Serviciul va fi restabilit în 15 minute.', ['over-promise'], VARIANT),
    s('Cererile eșuează din cauza latență ridicată la p99.', ['jargon'], VARIANT),
    s('Unii clienți nu pot plăti facturile cu cardul. Revenim cu o actualizare până la 10:45 UTC.', [], VARIANT),
  ],
  'zh-CN': [
    s('对不起，由此给您带来的不便，我们深表歉意！', ['empty-apology'], 'code corpus #619197682'),
    s('此错误已上报系统平台，我们马上抓紧修复。', ['vague-time'], 'code corpus #619197682'),
    s('服务器维护中，给您带来的不便深感抱歉。', ['empty-apology'], 'code corpus #14227017007'),
    s('平台进行升级工作，给您带来的不便深表歉意', ['empty-apology'], 'code corpus #27553919422'),
    s('维护期间，线上点餐、支付及余额查询等功能将暂停服务。线下窗口支付不受影响。给您带来的不便，敬请谅解。', ['empty-apology'], 'code corpus #10062978097'),
    s('为了提供更好的服务，系统正在进行升级维护。请稍后访问，给您带来的不便敬请谅解。', ['empty-apology'], 'code corpus #54386241277'),
    s('所有必要的代码修复已完成，系统应该很快恢复正常。', ['vague-time'], 'code corpus #60264890691'),
    s('对此造成的困扰，我们表示歉意。', ['empty-apology'], VARIANT),
    s('本次故障由第三方服务商导致。', ['blame-shifting'], VARIANT),
    s('预计30分钟内恢复。', ['over-promise'], VARIANT),
    s('由于数据库故障转移，请求失败。', ['jargon'], VARIANT),
    s('部分客户无法用银行卡支付发票。我们将在 10:45 UTC 前发布下一次更新。', [], VARIANT),
  ],
};

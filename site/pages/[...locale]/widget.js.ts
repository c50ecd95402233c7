// The embeddable widget: a few hundred bytes that read status.json and show a banner when something is wrong.
import { localeOf } from '../../lib/page-params.ts';
import { widgetStrings } from '../../lib/publish.ts';
import { localeRoutes } from '../../lib/routes.ts';

export const getStaticPaths = localeRoutes;

export const GET = ({ params }: { params: { locale?: string } }) => {
  const s = widgetStrings(localeOf(params));
  // Plain DOM and CSSOM only, so it works under a customer's strict CSP; text goes in via textContent, never HTML.
  const js = `(()=>{const c=${JSON.stringify(s)};const src=document.currentScript.src;c.page=new URL(c.page,src).href;c.api=new URL(c.api,src).href;const show=(st)=>{let b=document.getElementById('candor-status');if(st.indicator==='none'){b&&b.remove();return}if(!b){b=document.createElement('div');b.id='candor-status';b.setAttribute('role','status');b.lang=c.lang;b.style.cssText='position:fixed;left:0;right:0;bottom:0;z-index:2147483647;padding:.6em 1em;font:15px/1.4 system-ui,sans-serif;color:#fff;text-align:center';document.body.appendChild(b)}b.style.background=st.indicator==='maintenance'?'#2d5bd1':st.indicator==='minor'?'#8a5a00':'#b3261e';b.textContent=(c.text[st.indicator]||st.description)+' ';const a=document.createElement('a');a.href=c.page;a.textContent=c.link;a.style.color='#fff';b.appendChild(a)};const poll=()=>fetch(c.api,{cache:'no-store'}).then(r=>r.json()).then(d=>show(d.status)).catch(()=>{});poll();setInterval(poll,120000)})();\n`;
  return new Response(js, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};

// The tab icon when the config names none: drawn from the brand's accent (model/brand/favicon.ts).
import { site } from '../lib/data.ts';
import { faviconSvg } from '../model/brand/favicon.ts';

export const GET = () => new Response(faviconSvg(site.brand.accent?.light), { headers: { 'Content-Type': 'image/svg+xml' } });

// Test-only middleware of fault-integration.ts: throws while an incident page renders.
import type { MiddlewareHandler } from 'astro';

export const onRequest: MiddlewareHandler = (context, next) => {
  if (context.url.pathname.includes('/incidents/')) throw new Error(`fault injected while rendering ${context.url.pathname}`);
  return next();
};

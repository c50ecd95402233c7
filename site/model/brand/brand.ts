// The brand as the pages show it, derived once when the site loads: the logo's files with the box they are shown
// in, and the accent in both colour schemes.
import type { Identity } from '../schema/identity.ts';
import { BACKGROUNDS, nearestPassing } from './contrast.ts';
import type { Size } from './image-size.ts';

/** The height the header shows a logo at, in CSS px (1.75rem). */
export const LOGO_HEIGHT = 28;

export interface LogoImage {
  /** Route relative to the mirror's base (brand/<file>). */
  route: string;
  /** The box it is shown in, in CSS px: LOGO_HEIGHT high, as wide as its own proportions make it. */
  width: number;
  height: number;
}

export interface Brand {
  logo?: { light: LogoImage; dark?: LogoImage };
  /** Link, button and focus colour; undefined means Candor's own blue. */
  accent?: { light: string; dark: string };
}

export const logoImage = (route: string, size: Size): LogoImage => ({ route, width: Math.round((LOGO_HEIGHT * size.width) / size.height), height: LOGO_HEIGHT });

/** The accent in both schemes: a dark one not configured is the light one lightened until it reads on the dark page. */
export function accentOf(identity: Identity): Brand['accent'] {
  if (!identity.accent) return undefined;
  return { light: identity.accent, dark: identity.accent_dark ?? nearestPassing(identity.accent, BACKGROUNDS.dark) ?? identity.accent };
}

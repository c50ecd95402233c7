// The width and height a logo file declares, read from its first bytes (PNG, WebP) or its root element (SVG):
// the header reserves the logo's box before it loads, so nothing moves when it arrives.

export interface Size {
  width: number;
  height: number;
}

const number = (value: string | undefined) => (value && /^\s*[\d.]+\s*(px)?\s*$/.test(value) ? parseFloat(value) : undefined);

function svgSize(text: string): Size | undefined {
  const root = /<svg\b([^>]*)>/i.exec(text)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = number(attr('width')) ?? box?.[2];
  const height = number(attr('height')) ?? box?.[3];
  return width && height && width > 0 && height > 0 ? { width, height } : undefined;
}

function pngSize(bytes: Buffer): Size | undefined {
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function webpSize(bytes: Buffer): Size | undefined {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const [b0, b1, b2, b3] = [bytes[21]!, bytes[22]!, bytes[23]!, bytes[24]!];
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  return undefined;
}

/** The declared size of an SVG, PNG or WebP file (by its extension), or undefined when the bytes are not that format. */
export function imageSize(bytes: Buffer, path: string): Size | undefined {
  const ext = path.split('.').pop()!.toLowerCase();
  if (ext === 'svg') return svgSize(bytes.toString('utf8'));
  if (ext === 'png') return pngSize(bytes);
  if (ext === 'webp') return webpSize(bytes);
  return undefined;
}

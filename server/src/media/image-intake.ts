import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { MediaRefused } from './media-refused';

/** At most this many bytes arrive (the multipart parser stops reading past it). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** At most this many pixels are decoded: the header is read first, so a decompression bomb never is. */
export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 2048;
export const THUMBNAIL_SIDE = 480;

// libvips' operation cache helps a pipeline that reruns on the same input; uploads never do, and the cache
// holds tens of MB per process.
sharp.cache(false);
// One libvips thread per image, and one image per core at a time (below): the same CPU, far fewer threads
// (glibc gives each its own malloc arena, and libvips' per-thread buffers are what grew the RSS).
sharp.concurrency(1);

/**
 * Images decoded at once per process: one per core. Decoding is CPU-bound, so more at once finish no sooner,
 * while each holds its full-size pixels (a 12-megapixel photo: 36 MB): eight phones uploading together would
 * otherwise take the process past 700 MB. The others wait their turn (their bytes are already read).
 */
const decoding = pLimit(Math.max(1, availableParallelism()));

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'heic';

export interface IntakeImage {
  /** JPEG, orientation applied, sRGB, no metadata at all, longest side ≤ MAX_SIDE. */
  full: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  kind: ImageKind;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The type from the bytes alone: the file name and the client's Content-Type are never asked. */
export function sniffImageKind(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && HEIC_BRANDS.has(bytes.toString('latin1', 8, 12))) return 'heic';
  return null;
}

const unsupported = () => new MediaRefused(415, 'UNSUPPORTED_MEDIA_TYPE', '只支持 JPEG、PNG、WebP 和 HEIC 格式的图片');
const damaged = () => new MediaRefused(400, 'IMAGE_DAMAGED', '图片已损坏或不完整，请重新选择');
const tooManyPixels = () => new MediaRefused(413, 'IMAGE_TOO_LARGE', '图片尺寸太大（最多 4000 万像素），请裁剪后再上传');

/**
 * Decodes an upload and writes it again: what is stored is pixels we encoded, never the sender's bytes
 * (no EXIF, GPS, XMP or comments survive; orientation is applied first; colours end in sRGB). The
 * dimensions are checked from the header before anything is decoded.
 */
export function intakeImage(bytes: Buffer): Promise<IntakeImage> {
  return decoding(() => reencode(bytes));
}

async function reencode(bytes: Buffer): Promise<IntakeImage> {
  const kind = sniffImageKind(bytes);
  if (!kind) throw unsupported();
  const source = kind === 'heic' ? await heicPixels(bytes) : await checkedHeader(bytes, kind);
  try {
    // Decoded once, straight to at most 2048 px (JPEG shrinks on load); both files are encoded from those pixels.
    const pixels = await source
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const decoded = sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } });
    const [full, thumbnail] = await Promise.all([
      decoded.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      decoded.clone().resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 76, mozjpeg: true }).toBuffer(),
    ]);
    return { full, thumbnail, width: pixels.info.width, height: pixels.info.height, kind };
  } catch (error) {
    if (error instanceof MediaRefused) throw error;
    throw damaged();
  }
}

/** JPEG, PNG, WebP: sharp reads the header only; what it names must be what the bytes said. */
async function checkedHeader(bytes: Buffer, kind: Exclude<ImageKind, 'heic'>): Promise<Sharp> {
  let header: Metadata;
  try {
    // The header only (no pixel limit here, so a bomb's claimed size is read and answered as such).
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
  if (header.format !== kind) throw unsupported();
  if (!header.width || !header.height) throw damaged();
  if (header.width * header.height > MAX_PIXELS) throw tooManyPixels();
  return sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, sequentialRead: true });
}

/**
 * HEIC (iPhone photos): the prebuilt libvips reads HEIF's AV1 flavour only, so libheif (heic-decode, WebAssembly)
 * decodes the HEVC one, after its header's dimensions passed the same pixel limit.
 */
async function heicPixels(bytes: Buffer): Promise<Sharp> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const decodeHeic = require('heic-decode') as { all(input: { buffer: Buffer }): Promise<HeicImages> };
  let images: HeicImages;
  try {
    images = await decodeHeic.all({ buffer: bytes });
  } catch {
    throw damaged();
  }
  try {
    const [primary] = images;
    if (!primary?.width || !primary.height) throw damaged();
    if (primary.width * primary.height > MAX_PIXELS) throw tooManyPixels();
    const { width, height, data } = await primary.decode().catch(() => {
      throw damaged();
    });
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } });
  } finally {
    images.dispose();
  }
}

type HeicImages = Array<{ width: number; height: number; decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }> }> & { dispose(): void };

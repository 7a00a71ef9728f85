import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export interface UploadAnswer {
  status: number;
  headers: Headers;
  body: any;
}

export interface UploadForm {
  communityId?: string;
  purpose?: string;
  /** One file part per entry (name `file` unless given). */
  files?: Array<{ bytes: Buffer; filename?: string; type?: string; field?: string }>;
}

/** POST /media as the mini-program's uploadFile does: multipart, the session token in Authorization. */
export async function upload(baseUrl: string, token: string | null, form: UploadForm): Promise<UploadAnswer> {
  const body = new FormData();
  if (form.communityId !== undefined) body.append('communityId', form.communityId);
  if (form.purpose !== undefined) body.append('purpose', form.purpose);
  for (const file of form.files ?? []) body.append(file.field ?? 'file', new Blob([file.bytes], { type: file.type ?? 'image/jpeg' }), file.filename ?? 'photo.jpg');
  const response = await fetch(`${baseUrl}/media`, { method: 'POST', body, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion's message
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A link of our store as the phone fetches it (relative links are the server's own). */
export async function fetchMedia(baseUrl: string, url: string): Promise<Response> {
  return fetch(/^https?:\/\//.test(url) ? url : `${baseUrl}${url}`);
}

/** A phone photo: a gradient JPEG with EXIF GPS coordinates, a camera model and orientation 6 (rotated 90°). */
export async function photoWithGps(width = 64, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'QunyouPhone', Model: 'Test Camera 9' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 5/1' },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function pngImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 30, g: 160, b: 90, alpha: 0.5 } } }).png().toBuffer();
}

/** A real 1×1 PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb's header), CRC fixed. */
export async function pixelFloodPng(): Promise<Buffer> {
  const png = Buffer.from(await pngImage(1, 1));
  const ihdr = 8 + 8; // signature, then length + "IHDR"
  png.writeUInt32BE(100_000, ihdr);
  png.writeUInt32BE(100_000, ihdr + 4);
  png.writeUInt32BE(crc32(png.subarray(ihdr - 4, ihdr + 13)) >>> 0, ihdr + 13);
  return png;
}

/** The markers of a JPEG's segments up to the image data (APP1 = Exif/XMP, APP2 = ICC, COM = comment). */
export function jpegMarkers(jpeg: Buffer): string[] {
  const markers: string[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    markers.push(`FF${marker.toString(16).toUpperCase().padStart(2, '0')}`);
    if (marker === 0xda) break; // start of scan: pixels follow
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

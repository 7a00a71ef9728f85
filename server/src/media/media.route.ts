import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/knex';
import busboy from 'busboy';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { AppServices } from '../app-services';
import { createServiceContext } from '../service-context';
import { MAX_UPLOAD_BYTES } from './image-intake';
import { MediaRefused } from './media-refused';
import { MEDIA_PURPOSES, MediaPurpose } from './media.enums';
import { LocalMediaStorage, MEDIA_KEY } from './local-media-storage';

interface Upload {
  fields: Map<string, string>;
  file: Buffer | null;
}

/**
 * POST /media (multipart/form-data: `file`, `communityId`, `purpose`), authenticated like /graphql. Answers
 * `{ id, url, thumbnailUrl, width, height }` (201), or `{ code, message }` with 400/401/403/413/415/429.
 * The token and the rate limit are checked before a byte of the body is read.
 */
export function mediaUploadRoute(services: AppServices): RequestHandler {
  return async (req, res) => {
    try {
      const em = services.orm.em.fork() as EntityManager;
      const caller = await authenticate(services, em, req.headers.authorization);
      await limitUploads(services, caller.id);
      const upload = await readMultipart(req);
      if (!upload.file) throw new MediaRefused(400, 'FILE_REQUIRED', '请选择一张图片');
      const communityId = idField(upload.fields.get('communityId'));
      const purpose = upload.fields.get('purpose') ?? '';
      if (!MEDIA_PURPOSES.includes(purpose)) throw new MediaRefused(400, 'BAD_PURPOSE', '图片用途不正确');
      const ctx = createServiceContext(em, caller, req.ip ?? '');
      const image = await services.media.upload(ctx, { communityId, purpose: purpose as MediaPurpose, bytes: upload.file });
      services.metrics?.countMediaUpload('stored');
      res.status(201).set('cache-control', 'no-store').json(image);
    } catch (error) {
      refuse(services, res, error);
    }
  };
}

async function authenticate(services: AppServices, em: EntityManager, authorization: string | undefined) {
  if (!authorization) throw new MediaRefused(401, 'UNAUTHENTICATED', '请先登录');
  try {
    return await services.sessions.authenticate(em, authorization);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') throw new MediaRefused(401, 'UNAUTHENTICATED', error.message);
    throw error;
  }
}

async function limitUploads(services: AppServices, userId: number): Promise<void> {
  try {
    await services.rateLimits.consume('uploads', `user:${userId}`);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'RATE_LIMITED') {
      throw new MediaRefused(429, 'RATE_LIMITED', error.message, Number(error.extensions.retryAfterSeconds));
    }
    throw error;
  }
}

function idField(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) throw new MediaRefused(400, 'BAD_COMMUNITY', '社群编号不正确');
  return Number(value);
}

/** The whole body, one file of at most MAX_UPLOAD_BYTES kept in memory (fields may come after the file). */
function readMultipart(req: IncomingMessage): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 8, fieldSize: 256, parts: 10 } });
    } catch {
      return reject(new MediaRefused(400, 'MULTIPART_REQUIRED', '请以 multipart/form-data 上传图片'));
    }
    const upload: Upload = { fields: new Map(), file: null };
    let settled = false;
    /** The first refusal answers at once; the rest of the body is read away (unparsed) so the answer reaches the client. */
    const fail = (error: MediaRefused) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('file', (name, stream) => {
      if (name !== 'file') {
        stream.resume();
        return fail(new MediaRefused(400, 'FILE_REQUIRED', '图片字段应名为 file'));
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new MediaRefused(413, 'FILE_TOO_LARGE', '图片不能超过 10 MB')));
      stream.on('end', () => {
        upload.file = Buffer.concat(chunks);
      });
    });
    parser.on('field', (name, value) => upload.fields.set(name, value));
    parser.on('filesLimit', () => fail(new MediaRefused(400, 'ONE_FILE_ONLY', '一次只能上传一张图片')));
    parser.on('partsLimit', () => fail(new MediaRefused(400, 'TOO_MANY_PARTS', '表单字段太多')));
    parser.on('fieldsLimit', () => fail(new MediaRefused(400, 'TOO_MANY_PARTS', '表单字段太多')));
    parser.on('error', () => fail(new MediaRefused(400, 'MULTIPART_BROKEN', '上传的内容不完整，请重试')));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(upload);
    });
    req.on('aborted', () => fail(new MediaRefused(400, 'MULTIPART_BROKEN', '上传的内容不完整，请重试')));
    req.pipe(parser);
  });
}

function refuse(services: AppServices, res: Response, error: unknown): void {
  if (error instanceof MediaRefused) {
    services.metrics?.countMediaUpload(error.code);
    if (error.retryAfterSeconds) res.set('retry-after', String(error.retryAfterSeconds));
    res.status(error.status).json({ code: error.code, message: error.message });
    return;
  }
  if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN') {
    services.metrics?.countMediaUpload('FORBIDDEN');
    res.status(403).json({ code: 'FORBIDDEN', message: error.message });
    return;
  }
  services.metrics?.countMediaUpload('INTERNAL');
  services.log.error({ err: error }, 'media upload failed');
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: '上传失败，请稍后再试' });
}

/**
 * GET /media/<key> for the local driver: avatars (`a/…`) to anyone, cached for a year (a key is never
 * reused); community media only with a valid, unexpired signature, cached privately until it expires.
 */
export function localMediaFilesRoute(storage: LocalMediaStorage, now: () => Date): RequestHandler {
  return (req: Request, res: Response) => {
    const key = req.path.replace(/^\/media\//, '');
    if (!MEDIA_KEY.test(key)) return void res.status(404).end();
    res.set('x-content-type-options', 'nosniff');
    if (key.startsWith('a/')) {
      res.set('cache-control', 'public, max-age=31536000, immutable');
    } else {
      const expires = Number(req.query.e);
      if (!storage.verify(key, expires, String(req.query.s ?? ''), now())) return void res.status(403).json({ code: 'LINK_EXPIRED', message: '图片链接已失效，请刷新' });
      res.set('cache-control', `private, max-age=${Math.max(0, expires - Math.floor(now().getTime() / 1000))}`);
    }
    res.type('image/jpeg').sendFile(storage.fileOf(key), { dotfiles: 'deny', cacheControl: false, lastModified: false }, (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  };
}

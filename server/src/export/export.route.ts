import type { EntityManager } from '@mikro-orm/knex';
import type { RequestHandler } from 'express';
import type { AppServices } from '../app-services';
import { ExportRefused } from './export.service';

/**
 * GET /exports/:token — the file behind an export link. No Authorization header (WeChat's
 * downloadFile cannot send one): the signed, short-lived token is the permission.
 */
export function serveExportDownload(services: AppServices): RequestHandler {
  return async (req, res) => {
    try {
      const file = await services.exports.render(services.orm.em.fork() as EntityManager, String(req.params.token));
      res.setHeader('Cache-Control', 'no-store');
      res.attachment(file.filename);
      res.type(file.contentType);
      res.send(file.body);
    } catch (error) {
      if (error instanceof ExportRefused) {
        res.status(error.status).type('text/plain; charset=utf-8').send(error.message);
        return;
      }
      services.log.error({ err: error }, 'export download failed');
      res.status(500).type('text/plain; charset=utf-8').send('导出失败，请稍后再试');
    }
  };
}

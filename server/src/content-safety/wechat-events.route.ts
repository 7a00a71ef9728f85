import express, { Request, RequestHandler, Response } from 'express';
import type { AppServices } from '../app-services';
import { pushSignatureProblem } from '../wechat/push-signature';

interface MediaCheckPush {
  Event?: string;
  trace_id?: string;
  result?: { suggest?: string };
}

/**
 * /wechat/events: the mini-program's message push (JSON, plaintext mode), signed with WECHAT_PUSH_TOKEN.
 * GET is WeChat's URL handshake (answer `echostr`); POST carries events, of which `wxa_media_check`
 * (mediaCheckAsync's verdict) is applied. A bad signature or a timestamp older than 5 minutes (a replay)
 * changes nothing and answers 401. WeChat repeats a push until it hears `success`; a verdict is applied
 * once, so every repeat answers `success` too.
 */
export function wechatEventsRoutes(services: AppServices): { get: RequestHandler; post: RequestHandler[] } {
  const refused = (req: Request, res: Response): boolean => {
    const problem = pushSignatureProblem(services.config.wechat.pushToken, req.query, Math.floor(services.clock.now().getTime() / 1000));
    if (!problem) return false;
    services.log.warn({ problem, address: req.ip }, 'WeChat push refused');
    res.status(401).type('text/plain').send('invalid signature');
    return true;
  };

  const get: RequestHandler = (req, res) => {
    if (refused(req, res)) return;
    res.type('text/plain').send(typeof req.query.echostr === 'string' ? req.query.echostr : '');
  };

  const handle: RequestHandler = async (req, res) => {
    if (refused(req, res)) return;
    let push: MediaCheckPush;
    try {
      push = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '') as MediaCheckPush;
    } catch {
      return void res.status(400).type('text/plain').send('JSON expected');
    }
    if (push.Event === 'wxa_media_check' && typeof push.trace_id === 'string' && typeof push.result?.suggest === 'string') {
      const outcome = await services.imageChecks.applyVerdict(push.trace_id, push.result.suggest);
      services.log.info({ traceId: push.trace_id, suggest: push.result.suggest, outcome }, 'WeChat media check verdict');
    }
    res.type('text/plain').send('success');
  };
  return { get, post: [express.raw({ type: '*/*', limit: '64kb' }), handle] };
}

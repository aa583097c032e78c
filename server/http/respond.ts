// The one way an API response (data or error) leaves the mock. Two hooks sit on the way out:
// `inspect` (traffic validation: check the body against the contract, record violations, in
// enforce mode replace the response) and `deliver` (fault injection: e.g. a truncated body).
// Without hooks the response is simply sent.
import type { Request, Response } from 'express';
import type { Format } from './format.js';

export interface OutgoingResponse {
  status: number;
  format: Format;
  mediaType: string;
  /** The body as a JSON value, before serialization (what the contract describes). */
  body: unknown;
  /** The serialized body. */
  text: string;
  /** `text` as UTF-8 when it is already encoded (answers from the answer cache); a hook that replaces `text` drops it. */
  bytes?: Buffer;
  /** The contract operation the request matched, when it matched one. */
  operationId?: string;
}

export interface ResponsePipeline {
  /** Looks at a response before it is sent; returns it, or a replacement. */
  inspect?: (req: Request, res: Response, out: OutgoingResponse) => OutgoingResponse;
  /** Sends a response; the default sends it whole. */
  deliver?: (req: Request, res: Response, out: OutgoingResponse) => void;
}

export function sendResponse(pipeline: ResponsePipeline | undefined, req: Request, res: Response, out: OutgoingResponse): void {
  const final = pipeline?.inspect ? pipeline.inspect(req, res, out) : out;
  if (pipeline?.deliver) return pipeline.deliver(req, res, final);
  sendWhole(res, final);
}

/** The whole response, with the headers express's `res.send` gives a text body (no ETag: the real API sends none). */
export function sendWhole(res: Response, out: OutgoingResponse): void {
  const bytes = out.bytes ?? Buffer.from(out.text, 'utf8');
  res.statusCode = out.status;
  res.setHeader('Content-Type', `${out.mediaType}; charset=utf-8`);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

/** The pipeline of the app serving the request (set by createKravmock). */
export function pipelineOf(req: Request): ResponsePipeline | undefined {
  return (req.app.locals.kravmock as { pipeline?: ResponsePipeline } | undefined)?.pipeline;
}

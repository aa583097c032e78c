// Every response carries a correlation id: the caller's own when it sent a usable one (header
// `Korrelasjonsid`, `X-Correlation-ID`, or the `Korrelasjonsid` query parameter seen in real
// clients), otherwise a fresh UUID. Error bodies repeat it as `korrelasjonsid`.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'Korrelasjonsid';
const USABLE = /^[A-Za-z0-9._:-]{1,100}$/;

function callerCorrelationId(req: Request): string | undefined {
  const candidates = [req.get('korrelasjonsid'), req.get('x-correlation-id'), req.query.Korrelasjonsid];
  return candidates.find((c): c is string => typeof c === 'string' && USABLE.test(c));
}

export function correlation(req: Request, res: Response, next: NextFunction): void {
  const id = callerCorrelationId(req) ?? randomUUID();
  res.locals.korrelasjonsid = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}

export function correlationIdOf(res: Response): string {
  return (res.locals.korrelasjonsid as string | undefined) ?? randomUUID();
}

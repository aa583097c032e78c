// Requests and responses born with express's prototypes. express gives every request and response
// its app's prototypes as it receives them (Object.setPrototypeOf in app.handle); changing an
// object's prototype after it was made costs V8 its fast paths for that object and the code that
// touches it, which made express answer at a third of the speed of plain node:http here. A server
// that makes its messages from these constructors hands express objects that already have the
// prototypes: express's own setPrototypeOf then changes nothing. Behaviour is the same either way
// (test/http/express-messages.test.ts); supertest and app.listen() keep working as before.
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

export interface MessageConstructors {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/** `http.createServer({ ...messageConstructorsFor(app) }, app)`. */
export function messageConstructorsFor(app: Express): MessageConstructors {
  // Node's own constructors are plain functions; these call them and differ only in the prototype.
  function ExpressRequest(this: IncomingMessage, socket: Socket): void {
    (IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(this: ServerResponse, req: IncomingMessage, options?: object): void {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: object) => void).call(this, req, options);
  }
  ExpressResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
    ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
  };
}

/** An express app, as opposed to any other request listener. */
export function isExpressApp(handler: unknown): handler is Express {
  return typeof handler === 'function' && 'request' in handler && 'response' in handler && typeof (handler as { handle?: unknown }).handle === 'function';
}

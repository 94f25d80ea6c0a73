import { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from './problem-details';

// RFC 3986 host (an IP literal in brackets, or a reg-name: unreserved, sub-delims and
// percent-encoding), then an optional port.
const HOST = /^(?:\[[0-9A-Fa-f:.vV]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::\d{0,5})?$/;

/**
 * RFC 9112 §3.2: a request with more than one Host header, or with one that is not a host,
 * is refused with 400 (Node itself refuses an HTTP/1.1 request without one). Node keeps the
 * first of several Host headers and drops the rest: which host was meant would be a guess,
 * and a proxy in front may have guessed the other one.
 */
export function requireOneValidHost(req: Request, res: Response, next: NextFunction): void {
  const hosts: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() === 'host') hosts.push(req.rawHeaders[i + 1]);
  }
  if (hosts.length <= 1 && hosts.every((host) => HOST.test(host))) return next();
  sendProblem(
    req,
    res,
    problem(
      'REQUEST.MALFORMED',
      hosts.length > 1
        ? 'The request has more than one Host header.'
        : 'The Host header is not a host.',
    ),
  );
}

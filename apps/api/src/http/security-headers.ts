import { AppConfig } from '@app/platform';
import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';

type SecurityHeaders = ReturnType<typeof helmet>;

/** helmet's security headers, on every answer Express gives. */
export function securityHeaders(config: AppConfig): SecurityHeaders {
  const provider = config.console.oidc && new URL(config.console.oidc.issuer).origin;
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // TLS ends at the ingress; the API itself may be reached over plain HTTP inside the
        // cluster, where upgrading the docs page's requests to HTTPS would break it.
        upgradeInsecureRequests: null,
        // The console reads its identity provider's discovery document and token endpoint.
        connectSrc: ["'self'", ...(provider ? [provider] : [])],
      },
    },
  });
}

/**
 * The same headers, for the answers Node writes before Express sees a request (a request
 * that is not HTTP, headers too large, a timeout). None of them depends on the request.
 */
export function fixedSecurityHeaders(headersOf: SecurityHeaders): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string) => (headers[name] = value),
    removeHeader: (name: string) => delete headers[name],
  };
  headersOf({} as IncomingMessage, collector as unknown as ServerResponse, (error) => {
    // Only a Content-Security-Policy directive given as a function can fail; none is.
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return headers;
}

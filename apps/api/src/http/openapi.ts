import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentAccess } from './openapi-access';

/** The version of the API and of its event contract. */
export const API_VERSION = '0.1.0';

/**
 * The OpenAPI document at /docs-json and its Swagger UI at /docs: Nest's reading of the
 * controllers and their decorators (./operation-docs), with each operation's access stated.
 */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smuggling cases API')
      .setDescription(
        'Event-sourced case management for people-smuggling investigations (KZ-1 Art. 308). ' +
          'Every operation states the permission it needs (`x-permission`); problems are RFC 9457 ' +
          '`application/problem+json` with a stable `code`. The event contract (AsyncAPI) is docs/asyncapi.json in the repository.',
      )
      .setVersion(API_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  documentAccess(document, app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

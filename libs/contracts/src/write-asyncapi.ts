import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsyncApiDocument, buildAsyncApiDocument } from './asyncapi';

/** Where the repository keeps the event contract, so that a change to it shows in review. */
export const ASYNCAPI_FILE = 'docs/asyncapi.json';

/** KAFKA_TOPIC's default; a deployment that sets another topic passes it with --topic. */
export const DEFAULT_TOPIC = 'smuggling-cases.events';

/** The document as the repository at `root` describes it: its package version, the topic. */
export function asyncApiOfRepository(root: string, topic = DEFAULT_TOPIC): AsyncApiDocument {
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return buildAsyncApiDocument({ topic, version });
}

/** `npm run docs:asyncapi [-- --topic name]`: writes the document to docs/asyncapi.json. */
if (require.main === module) {
  const at = process.argv.indexOf('--topic');
  const topic = at > 0 ? process.argv[at + 1] : DEFAULT_TOPIC;
  const file = resolve(process.cwd(), ASYNCAPI_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(asyncApiOfRepository(process.cwd(), topic), null, 2)}\n`);
  process.stdout.write(`Wrote ${ASYNCAPI_FILE} (topic ${topic}).\n`);
}

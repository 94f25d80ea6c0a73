import { stopTestServers, TestServers } from './servers';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __testServers?: TestServers };
  if (!g.__testServers) return;
  const servers = g.__testServers;
  g.__testServers = undefined;
  await stopTestServers(servers);
}

import { startTestServers } from './servers';

export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __testServers?: unknown };
  // Both server-backed tiers name this setup; the second finds the first one's servers.
  g.__testServers ??= await startTestServers();
}

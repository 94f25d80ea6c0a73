import { AppConfig } from '@app/platform';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo, Server } from 'node:net';
import { createApiApp } from '../../apps/api/src/api.app';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { testToken } from './test-env';

export interface RunningSystem {
  readonly baseUrl: string;
  readonly api: INestApplication;
  stop(): Promise<void>;
}

/** The API, relay and projector, built by the same factories and modules as production. */
export async function startSystem(config: AppConfig): Promise<RunningSystem> {
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const { port } = (api.getHttpServer() as Server).address() as AddressInfo;
  const workers: INestApplicationContext[] = [
    await NestFactory.createApplicationContext(RelayModule.forRoot(config), { logger: false }),
    await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { logger: false }),
  ];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    api,
    stop: async () => {
      await api.close();
      for (const worker of workers) await worker.close();
    },
  };
}

let cachedSupervisorToken: Promise<string> | undefined;
const supervisorToken = () => (cachedSupervisorToken ??= testToken('supervisor'));

export interface HttpAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/**
 * One request. It carries a supervisor's token (who may do anything a case allows) unless
 * the test gives another token, or `token: null` for none.
 */
export async function http<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  init: {
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    token?: string | null;
  } = {},
): Promise<HttpAnswer<T>> {
  const token = init.token === undefined ? await supervisorToken() : init.token;
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...init.headers,
  };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

import { createHttpServer, listen, type Listening } from '../lib/httpServer.ts';
import type { LegacyService } from './LegacySystem.ts';

/** Serve a mocked legacy system over real HTTP on 127.0.0.1. */
export async function serveLegacySystem(service: LegacyService, port: number): Promise<Listening> {
  return listen(createHttpServer([service.fetch]), port);
}

import { http } from 'msw';
import { setupServer } from 'msw/node';
import { LegacyService, type LegacySystemDefinition } from '../../mocks/LegacySystem.ts';
import { Population } from '../../mocks/population/Population.ts';

/**
 * Mount mocked legacy systems in msw for adapter unit tests: the same behaviour as the real
 * HTTP mocks, without ports. Returns the services so tests can inject faults and count calls.
 */
export function mswLegacy(definitions: LegacySystemDefinition[], population = new Population()) {
  const services = new Map<string, LegacyService>();
  const handlers = definitions.map((d) => {
    const service = new LegacyService(d, population);
    services.set(d.name, service);
    return http.all(`${baseUrlOf(d.name)}/*`, ({ request }) => service.fetch(request));
  });
  const server = setupServer(...handlers);
  return {
    server,
    population,
    service: (name: string) => services.get(name)!,
    baseUrl: baseUrlOf,
  };
}

/** A fake origin per system; msw intercepts before any socket is opened. */
export const baseUrlOf = (name: string) => `http://${name}.legacy.test`;

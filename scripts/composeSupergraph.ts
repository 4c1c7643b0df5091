import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const RoverConfig = z.object({
  federation_version: z.union([z.string(), z.number()]).optional(),
  subgraphs: z.record(
    z.string(),
    z.object({ routing_url: z.string().url(), schema: z.object({ file: z.string() }) }),
  ),
});

export interface ComposeResult {
  supergraphSdl?: string;
  /** One line per problem: subgraph(s), the type or field, and the rule broken (its code). */
  errors: string[];
}

/** Compose the subgraphs a rover supergraph config lists, offline. */
export function composeFromRoverConfig(configFile: string): ComposeResult {
  let config: z.infer<typeof RoverConfig>;
  try {
    config = RoverConfig.parse(parseYaml(readFileSync(configFile, 'utf8')));
  } catch (e) {
    return { errors: [`${configFile}: not a valid supergraph config: ${(e as Error).message.split('\n')[0]}`] };
  }
  const base = dirname(resolve(configFile));
  const services = [];
  const errors: string[] = [];
  for (const [name, sub] of Object.entries(config.subgraphs)) {
    const file = resolve(base, sub.schema.file);
    try {
      services.push({ name, url: sub.routing_url, typeDefs: parse(readFileSync(file, 'utf8')) });
    } catch (e) {
      errors.push(`[${name}] ${sub.schema.file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (errors.length) return { errors };
  const result = composeServices(services);
  if (result.errors) {
    return {
      errors: result.errors.map((e) => {
        const code = (e.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
        return `${code}: ${e.message}`;
      }),
    };
  }
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

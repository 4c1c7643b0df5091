import type { Actor } from '../lib/auth.ts';

/** Per-request context at the gateway: the verified actor and what is forwarded to subgraphs. */
export interface GatewayContext {
  actor: Actor;
  /** The caller's Authorization header, forwarded as is to subgraphs. */
  authorization: string | null;
  requestId: string;
  /** The gateway's signed word that a subgraph request comes from it (see signGatewayAssertion). */
  gatewayAssertion: string | null;
}

import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics';

/** Counts and times every GraphQL request that reaches Apollo's pipeline, by operation name. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const start = performance.now();
      return {
        async willSendResponse({ operationName }) {
          metrics.observeRequest(operationName, (performance.now() - start) / 1000);
        },
      };
    },
  };
}

import type { Logger } from '../../log/logger';
import { type Attune, createAttune } from '../create-attune';
import { type StandInOptions, standInPlatform, type StandIns } from './stand-in-platform';

/**
 * The real composition root on stand-in ports, started: what unit tests,
 * fuzzing and benches use instead of wiring services by hand. `log` replaces
 * the file logger (e.g. a memory logger a test reads).
 */
export const startStandInAttune = async (options: StandInOptions & { log?: Logger }): Promise<{ attune: Attune; standIns: StandIns }> => {
  const platform = standInPlatform(options);
  const { log } = options;
  if (log) platform.createLogger = () => log;
  const outcome = await createAttune(platform);
  if (outcome.kind !== 'started')
    throw new Error(`Attune did not start (${outcome.kind})`, { cause: outcome.kind === 'failed' ? outcome.error : undefined });
  return { attune: outcome.attune, standIns: platform.standIns };
};

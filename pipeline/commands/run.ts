/** `recevable run` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'run',
  summary: '(not available yet)',
  usage: 'recevable run',
  options: {},
  run: async (_args, io) => {
    io.say('recevable run is not available yet.');
    return Exit.usage;
  },
};

/** `recevable compare` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'compare',
  summary: '(not available yet)',
  usage: 'recevable compare',
  options: {},
  run: async (_args, io) => {
    io.say('recevable compare is not available yet.');
    return Exit.usage;
  },
};

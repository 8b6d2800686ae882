/** `recevable inspect` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'inspect',
  summary: '(not available yet)',
  usage: 'recevable inspect',
  options: {},
  run: async (_args, io) => {
    io.say('recevable inspect is not available yet.');
    return Exit.usage;
  },
};

/** `recevable validate` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'validate',
  summary: '(not available yet)',
  usage: 'recevable validate',
  options: {},
  run: async (_args, io) => {
    io.say('recevable validate is not available yet.');
    return Exit.usage;
  },
};

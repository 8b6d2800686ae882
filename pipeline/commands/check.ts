/** `recevable check` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'check',
  summary: '(not available yet)',
  usage: 'recevable check',
  options: {},
  run: async (_args, io) => {
    io.say('recevable check is not available yet.');
    return Exit.usage;
  },
};

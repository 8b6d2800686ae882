/** `recevable outcomes` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'outcomes',
  summary: '(not available yet)',
  usage: 'recevable outcomes',
  options: {},
  run: async (_args, io) => {
    io.say('recevable outcomes is not available yet.');
    return Exit.usage;
  },
};

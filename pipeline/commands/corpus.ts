/** `recevable corpus` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'corpus',
  summary: '(not available yet)',
  usage: 'recevable corpus',
  options: {},
  run: async (_args, io) => {
    io.say('recevable corpus is not available yet.');
    return Exit.usage;
  },
};

/** `recevable schedule` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'schedule',
  summary: '(not available yet)',
  usage: 'recevable schedule',
  options: {},
  run: async (_args, io) => {
    io.say('recevable schedule is not available yet.');
    return Exit.usage;
  },
};

/** `recevable report` — placeholder until its issue lands; replaced by the real command. */
import { Exit, type Command } from '../command.ts';

export const command: Command = {
  name: 'report',
  summary: '(not available yet)',
  usage: 'recevable report',
  options: {},
  run: async (_args, io) => {
    io.say('recevable report is not available yet.');
    return Exit.usage;
  },
};

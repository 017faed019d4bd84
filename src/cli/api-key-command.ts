import { parseArgs } from 'node:util';
import type { ApiKeys } from '../modules/access/index.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const API_KEY_HELP = `Usage: breachdesk api-key <command>

Commands:
  create --name NAME   Create a key for writing to the catalogue API. The key is printed once;
                       only its hash is stored.
  list                 List keys (id, name, created, last used, revoked).
  revoke ID            Revoke a key at once.

Options:
  -h, --help           Show this help.`;

export async function apiKeyCommand(args: string[], io: CliIo, deps: { apiKeys: ApiKeys; actor: string }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    io.out(API_KEY_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(API_KEY_HELP);
    return EXIT.ok;
  }
  switch (sub) {
    case 'create': {
      if (!values.name) throw usageError('api-key create needs --name NAME');
      const { key, info } = await deps.apiKeys.create(values.name, deps.actor);
      io.out(`created API key ${info.id} (${info.name}). Store it now; it cannot be shown again:`);
      io.out(key);
      return EXIT.ok;
    }
    case 'list': {
      for (const k of await deps.apiKeys.list()) {
        io.out(
          `${k.id}  ${k.name}  created ${k.createdAt}  last used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`,
        );
      }
      return EXIT.ok;
    }
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw usageError('api-key revoke needs an ID');
      await deps.apiKeys.revoke(id, deps.actor);
      io.out(`revoked ${id}`);
      return EXIT.ok;
    }
    default:
      throw usageError(`unknown api-key command "${sub}" (try: breachdesk api-key --help)`);
  }
}

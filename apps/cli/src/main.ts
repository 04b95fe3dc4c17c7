import { asUsageError } from './options';
import { UsageError } from './usage-error';

const HELP = `Usage: clientfees <command> [options]

Commands:
  due-date   the due date of an invoice from its invoice date
  timeline   the due, transfer and reminder dates of an unpaid invoice
  interest   statutory late-payment interest on an amount between two dates
  fee        a client fee: FI home care, FI long-term care or SE elderly care
  absence    the deduction from a monthly fee for a planned or unplanned absence
  rent-contract-date  the rent contract date for a move-in to care housing or a service apartment
  interruption  the compensated days of a service-voucher interruption (day 0 + 10 days, return day)
  estate     the billing end, voucher closing and estate inventory dates of a client's death
  debt-restructuring  the write-off date of the debts a debt restructuring covers
  token      mint a local access token for the REST APIs
  roles      the role × action matrix: who may do what
  demo       load the demo data into a running system
  camt054    read a bank's camt.054 payment notification without importing it

Run "clientfees <command> --help" for a command's options.`;

type Command = { help: () => Promise<string>; run: (argv: string[]) => Promise<string> };

// Loaded lazily so that a pure calculation never pays for the framework start-up.
const COMMANDS: Record<string, Command> = {
  'due-date': {
    help: async () => (await import('./commands/due-date')).dueDateHelp,
    run: async (argv) => (await import('./commands/due-date')).dueDateCommand(argv),
  },
  timeline: {
    help: async () => (await import('./commands/timeline')).timelineHelp,
    run: async (argv) => (await import('./commands/timeline')).timelineCommand(argv),
  },
  interest: {
    help: async () => (await import('./commands/interest')).interestHelp,
    run: async (argv) => (await import('./commands/interest')).interestCommand(argv),
  },
  fee: {
    help: async () => (await import('./commands/fee')).feeHelp,
    run: async (argv) => (await import('./commands/fee')).feeCommand(argv),
  },
  absence: {
    help: async () => (await import('./commands/absence')).absenceHelp,
    run: async (argv) => (await import('./commands/absence')).absenceCommand(argv),
  },
  'rent-contract-date': {
    help: async () => (await import('./commands/rent-contract-date')).rentContractDateHelp,
    run: async (argv) => (await import('./commands/rent-contract-date')).rentContractDateCommand(argv),
  },
  interruption: {
    help: async () => (await import('./commands/interruption')).interruptionHelp,
    run: async (argv) => (await import('./commands/interruption')).interruptionCommand(argv),
  },
  estate: {
    help: async () => (await import('./commands/estate')).estateHelp,
    run: async (argv) => (await import('./commands/estate')).estateCommand(argv),
  },
  'debt-restructuring': {
    help: async () => (await import('./commands/debt-restructuring')).debtRestructuringHelp,
    run: async (argv) => (await import('./commands/debt-restructuring')).debtRestructuringCommand(argv),
  },
  token: {
    help: async () => (await import('./commands/token')).tokenHelp,
    run: async (argv) => (await import('./commands/token')).tokenCommand(argv, process.env),
  },
  roles: {
    help: async () => (await import('./commands/roles')).rolesHelp,
    run: async (argv) => (await import('./commands/roles')).rolesCommand(argv),
  },
  demo: {
    help: async () => (await import('./commands/demo')).demoHelp,
    run: async (argv) => (await import('./commands/demo')).demoCommand(argv, process.env, Date.now()),
  },
  camt054: {
    help: async () => (await import('./commands/camt054')).camt054Help,
    run: async (argv) => (await import('./commands/camt054')).camt054Command(argv),
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`clientfees: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  if (rest.includes('--help')) {
    process.stdout.write(`${await command.help()}\n`);
    return 0;
  }
  try {
    process.stdout.write(`${await command.run(rest)}\n`);
    return 0;
  } catch (raw) {
    const error = asUsageError(raw);
    process.stderr.write(`clientfees ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

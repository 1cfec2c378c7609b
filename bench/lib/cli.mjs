// The load bench's command line: its options (checked, with their defaults), the servers it
// knows, and how it logs and gives up. `node bench/load.mjs --help` prints USAGE.

export const USAGE = `usage: node bench/load.mjs [--streams N] [--frames F] [--delay MS] [--only next,next-route,floor,flask]
                          [--concurrency C] [--flask-streams N] [--port P] [--json PATH]
                          [--timeout S] [--cpu-prof DIR] [--no-raw] [--verbose]`;
const FLAGS = new Set(['no-raw', 'verbose', 'help']);
const OPTIONS = new Set(['streams', 'frames', 'delay', 'only', 'concurrency', 'flask-streams', 'port', 'json', 'timeout', 'cpu-prof']);

/** Every server the bench can run; a server's port is the base port plus its index here. */
export const ALL_KINDS = ['next', 'floor', 'flask', 'next-route'];
/** The order they run in (ports stay by ALL_KINDS, so older --port choices still hold). */
export const RUN_ORDER = ['next', 'next-route', 'floor', 'flask'];
/** The servers `--cpu-prof` profiles (both are server.mjs), as the report names them. */
export const PROFILED_KINDS = {
  next: 'the production server (server.mjs, "next")',
  'next-route': 'the route-handler path ("next-route")',
};
export const TEMPLATE = 'Message {i}';
export const WARMUP_STREAMS = 1000;
export const MEMORY_STREAMS = 1000;

export const log = (line) => console.error(`[bench] ${line}`);

/** A usage error: the message on stderr, exit code 2. */
export function fail(message) {
  console.error(message);
  process.exit(2);
}

/**
 * `--name value` and `--name=value` into { name: value }, flags into { name: true }; exits with
 * code 2 and `usage` on anything else. The load bench's options unless told which.
 */
export function parseArgs(argv, { flags = FLAGS, options = OPTIONS, usage = USAGE } = {}) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) fail(`unexpected argument ${argv[i]}\n${usage}`);
    const [, name, inline] = match;
    if (!flags.has(name) && !options.has(name)) fail(`unknown option --${name}\n${usage}`);
    if (flags.has(name)) args[name] = true;
    else if (inline !== undefined) args[name] = inline;
    else if (i + 1 < argv.length) args[name] = argv[++i];
    else fail(`--${name} needs a value\n${usage}`);
  }
  return args;
}

/** `args[name]` as a whole number from `min` to `max` (`fallback` when absent); exits with code 2 otherwise. */
export function wholeNumber(args, name, fallback, min, max) {
  if (args[name] === undefined) return fallback;
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * The options of this run, from `argv` (without node and the script). Prints USAGE and exits for
 * --help; exits with code 2, naming the option, for anything it cannot take.
 */
export function readOptions(argv) {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const intOption = (name, fallback, min, max) => wholeNumber(args, name, fallback, min, max);
  // In this order, so the first bad option named is the same as ever.
  const streams = intOption('streams', 2000, 1, 60_000);
  const frames = intOption('frames', 5, 1, 10_000);
  const delay = intOption('delay', 1000, 0, 10_000);
  const concurrency = intOption('concurrency', 500, 1, 60_000);
  const flaskStreams = intOption('flask-streams', Math.min(streams, 500), 1, 60_000);
  const basePort = intOption('port', 3600, 1024, 65_000);
  const timeoutS = args.timeout === undefined ? null : intOption('timeout', 0, 1, 86_400);
  const only = (args.only ?? RUN_ORDER.join(','))
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of only) if (!ALL_KINDS.includes(kind)) fail(`--only takes next, next-route, floor and/or flask (got ${kind})`);
  return {
    streams,
    frames,
    delay,
    concurrency,
    flaskStreams,
    basePort,
    timeoutS,
    only,
    json: args.json ?? null,
    cpuProfDir: args['cpu-prof'] ?? null,
    keepRaw: !args['no-raw'],
    verbose: Boolean(args.verbose),
  };
}

// The editor scripts' command-line flags: `--name` (a switch) and `--name VALUE`.
const argv = process.argv.slice(2);

/** Whether the switch `name` (e.g. '--keep') was given. */
export const flag = (name) => argv.includes(name);

/** The value after `name`, or `dflt`. */
export const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};

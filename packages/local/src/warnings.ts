/**
 * fauxqs persists the local queues with node:sqlite, which Node 22 reports as experimental when it
 * loads. Hangar can't avoid the module (it is fauxqs's storage) and the warning tells a user
 * nothing they can act on, so only that one is dropped; every other warning still reaches Node's
 * own printer. Call before the stack (and so fauxqs) is imported.
 */
export function quietSqliteWarning() {
  const printers = process.listeners("warning");
  if (printers.length === 0) return; // --no-warnings: nothing is printed anyway
  for (const printer of printers) process.off("warning", printer);
  process.on("warning", (warning) => {
    if (warning.name === "ExperimentalWarning" && /\bSQLite\b/.test(warning.message)) return;
    for (const printer of printers) printer(warning);
  });
}

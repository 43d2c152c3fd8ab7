import { Command } from "commander";
import { applyCommand } from "./commands/apply";
import { catalogueCommands } from "./commands/catalogue";
import { completionCommand } from "./commands/completion";
import { deployCommand } from "./commands/deploy";
import { deploymentCommands } from "./commands/deployments";
import { keysCommand } from "./commands/keys";
import { loginCommand } from "./commands/login";
import { trafficCommands } from "./commands/traffic";
import { webhooksCommand } from "./commands/webhooks";

/** The whole command tree; `hangar completion` walks it too. */
export function program(): Command {
  const root = new Command("hangar")
    .description("Deploy, wait for, test and pay less for custom LLMs on rented GPUs, through Hangar.")
    .version("0.1.0")
    .option("--url <url>", "Hangar's URL (default $HANGAR_URL, then `hangar login`)")
    .option("--api-key <key>", "API key (default $HANGAR_API_KEY, then `hangar login`)")
    .option("--json", "print the API's JSON (no colours, no tables)")
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes: 0 done, 1 Hangar or the network refused, 2 bad usage, 3 the awaited state was not reached (failed or --timeout).",
    );
  loginCommand(root);
  deployCommand(root);
  applyCommand(root);
  deploymentCommands(root);
  trafficCommands(root);
  catalogueCommands(root);
  webhooksCommand(root);
  keysCommand(root);
  completionCommand(root);
  return root;
}

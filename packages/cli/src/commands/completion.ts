import type { Command } from "commander";
import { UsageError } from "../config";
import { withContext } from "../context";

/** Every command path (`""`, `"webhooks"`, `"webhooks add"`) with its subcommands and options. */
type Node = {
  path: string;
  commands: { name: string; description: string }[];
  options: string[];
  takesDeployment: boolean;
};

function walk(command: Command, path: string, out: Node[]) {
  const visible = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  out.push({
    path,
    commands: visible.map((c) => ({ name: c.name(), description: c.description() })),
    options: [...command.options.map((o) => o.long).filter((o): o is string => Boolean(o)), "--help"],
    takesDeployment: command.registeredArguments[0]?.name() === "deployment",
  });
  for (const sub of visible) walk(sub, path ? `${path} ${sub.name()}` : sub.name(), out);
  return out;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(nodes: Node[], global: string[]) {
  const paths = nodes.filter((n) => n.path).map((n) => quote(n.path));
  const cases = nodes.map((n) => {
    const words = [...new Set([...n.commands.map((c) => c.name), ...n.options, ...global])].join(" ");
    const names = n.takesDeployment ? " $(hangar _names 2>/dev/null)" : "";
    return `    ${quote(n.path)}) words=${quote(words)}${names ? `"${names}"` : ""} ;;`;
  });
  return `# hangar completion for bash: add to ~/.bashrc
#   source <(hangar completion bash)
_hangar() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" key="" w i words=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ $w == -* ]] && continue
    case "\${key:+$key }$w" in
      ${paths.join("|")}) key="\${key:+$key }$w" ;;
    esac
  done
  case "$key" in
${cases.join("\n")}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _hangar hangar
`;
}

function zsh(nodes: Node[], global: string[]) {
  const paths = nodes.filter((n) => n.path).map((n) => quote(n.path));
  const cases = nodes.map((n) => {
    const cmds = n.commands.map((c) => quote(`${c.name}:${c.description.replace(/:/g, "\\:")}`)).join(" ");
    const opts = [...new Set([...n.options, ...global])].join(" ");
    return `    (${quote(n.path)}) cmds=(${cmds}); opts=(${opts}); names=${n.takesDeployment ? 1 : 0} ;;`;
  });
  return `#compdef hangar
# hangar completion for zsh: add to ~/.zshrc (after compinit)
#   source <(hangar completion zsh)
_hangar() {
  local key="" w
  local -a cmds opts
  local names=0
  for w in "\${(@)words[2,CURRENT-1]}"; do
    [[ $w == -* ]] && continue
    case "\${key:+$key }$w" in
      (${paths.join("|")}) key="\${key:+$key }$w" ;;
    esac
  done
  case "$key" in
${cases.join("\n")}
  esac
  (( \${#cmds} )) && _describe -t commands 'hangar command' cmds
  (( names )) && compadd -- \${(f)"$(hangar _names 2>/dev/null)"}
  compadd -- $opts
}
compdef _hangar hangar
`;
}

export function completionCommand(program: Command) {
  program
    .command("completion")
    .argument("<shell>", "bash or zsh")
    .description("print a shell completion script")
    .action((shell: string) => {
      const nodes = walk(program, "", []);
      const global = program.options
        .map((o) => o.long)
        .filter((o): o is string => Boolean(o) && o !== "--version");
      if (shell === "bash") return void process.stdout.write(bash(nodes, global));
      if (shell === "zsh") return void process.stdout.write(zsh(nodes, global));
      throw new UsageError("completion.unknown_shell", `No completion for ${shell}: use bash or zsh.`);
    });

  // Completion's source of deployment names; hidden from help.
  program.command("_names", { hidden: true }).action(
    withContext(async (ctx) => {
      for await (const d of ctx.hangar.deployments()) if (d.state !== "deleted") console.log(d.name);
    }),
  );
}

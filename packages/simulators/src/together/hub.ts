/**
 * What Together's importer meets at the Hugging Face Hub for a `model_source`: nothing when the
 * repo's files can be read with the `hf_token` given, otherwise the reason its job fails. Together
 * doesn't document its wording (reference §11.7); these are huggingface_hub's, which its importer
 * surfaces. Archive URLs (S3 and the like) aren't Hub repos and aren't asked about.
 */
export async function hubFailure(
  hubUrl: string,
  source: string,
  token?: string,
): Promise<string | undefined> {
  const repo = hubRepo(source);
  if (!repo) return undefined;
  const hub = hubUrl.replace(/\/+$/, "");
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const prefix = "Failed to download model weights from Hugging Face";
  try {
    const card = `${hub}/api/models/${repo}`;
    const info = await fetch(card, { headers, signal: AbortSignal.timeout(10_000) });
    if (info.status === 401 || info.status === 404)
      return `${prefix}: ${info.status} Client Error. Repository Not Found for url: ${card}. Please make sure you specified the correct \`repo_id\` and \`repo_type\`. If you are trying to access a private or gated repo, make sure you are authenticated.`;
    if (!info.ok) return `${prefix}: ${info.status} Server Error for url: ${card}`;
    const { gated, siblings = [] } = (await info.json()) as {
      gated?: string | false;
      siblings?: { rfilename: string }[];
    };
    if (!gated) return undefined;
    const probe = ["config.json", "adapter_config.json"].find((name) =>
      siblings.some((s) => s.rfilename === name),
    );
    if (!probe) return undefined;
    const file = `${hub}/${repo}/resolve/main/${probe}`;
    const head = await fetch(file, {
      method: "HEAD",
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    if (head.status === 401 || head.status === 403)
      return `${prefix}: ${head.status} Client Error. Cannot access gated repo for url ${file}. ${head.headers.get("x-error-message") ?? `Access to model ${repo} is restricted.`}`;
    return undefined;
  } catch (error) {
    return `${prefix}: could not reach ${hub} (${(error as Error).message})`;
  }
}

/** `org/name` or `https://huggingface.co/org/name`; anything else is an archive URL. */
function hubRepo(source: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.)?huggingface\.co\/)?([\w.-]+\/[\w.@-]+?)\/?$/i.exec(source.trim());
  return match?.[1];
}

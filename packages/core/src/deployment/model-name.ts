/**
 * A model's Hugging Face repo name, compared liberally: `hf://` and a trailing `@revision`
 * dropped, lowercase. Undefined for what names no repo (`s3://`, `https://` archives, a
 * provider's own name such as Fireworks' `accounts/fireworks/models/…`): those can't be compared.
 */
export function repoName(model: string): string | undefined {
  const name = model
    .trim()
    .replace(/^hf:\/\//i, "")
    .replace(/^https:\/\/huggingface\.co\//i, "")
    .replace(/@[^/]*$/, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  return /^[\w.-]+\/[\w.-]+$/.test(name) ? name : undefined;
}

/**
 * Whether an adapter trained on `trainedOn` fits a deployment of `serves`: true or false when
 * both name repos, undefined when either doesn't and nothing can be said.
 */
export function sameBase(trainedOn: string, serves: string): boolean | undefined {
  const a = repoName(trainedOn);
  const b = repoName(serves);
  return a && b ? a === b : undefined;
}

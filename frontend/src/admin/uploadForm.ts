/**
 * The administrator's model upload, checked before sending: an .onnx file and a card that is a JSON object naming
 * its id and version. Everything else (hash, signature, probe run, immutability) is the server's to judge; its
 * refusal lists every reason, which refusalReasons splits for display.
 */

export interface CardIdentity {
  id: string;
  version: string;
}

export type UploadCheck = { ok: true; card: CardIdentity } | { ok: false; problems: string[] };

export function checkUpload(file: { name: string; size: number } | null, cardText: string): UploadCheck {
  const problems: string[] = [];
  if (!file) problems.push('Choose the model file (.onnx).');
  else if (!/\.onnx$/i.test(file.name)) problems.push(`“${file.name}” is not an .onnx file.`);
  else if (file.size === 0) problems.push(`“${file.name}” is empty.`);
  const card = cardIdentity(cardText);
  if (typeof card === 'string') problems.push(card);
  return problems.length > 0 || typeof card === 'string' ? { ok: false, problems } : { ok: true, card };
}

/** The card's id and version, or what is wrong with the text. */
export function cardIdentity(cardText: string): CardIdentity | string {
  if (cardText.trim() === '') return 'Give the model card: choose its JSON file or paste it.';
  let value: unknown;
  try {
    value = JSON.parse(cardText);
  } catch (e) {
    return `The model card is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'The model card must be a JSON object.';
  const { id, version } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return 'The model card has no "id".';
  if (typeof version !== 'string' || version === '') return 'The model card has no "version".';
  return { id, version };
}

/** "model refused: a; b" → ["a", "b"]; any other message is one reason. */
export function refusalReasons(message: string): string[] {
  const m = /^model(?: .+?)? refused: ([\s\S]*)$/.exec(message.trim());
  if (!m) return [message];
  return m[1]
    .split('; ')
    .map((r) => r.trim())
    .filter(Boolean);
}

import type { DocumentRules } from "../bindings";

/** Why a chosen file cannot be sent, checked with the service's own rules before reading it. */
export type FileProblem = "type" | "size" | "empty";

export function fileProblem(
  file: Pick<File, "type" | "size">,
  rules: DocumentRules,
): FileProblem | null {
  if (!rules.mimeTypes.includes(file.type.toLowerCase())) return "type";
  if (file.size === 0) return "empty";
  if (file.size > rules.maxBytes) return "size";
  return null;
}

/** The file as the `data:<type>;base64,…` URL the upload command takes. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === "string") resolve(reader.result);
      else reject(new Error("the file was not read as text"));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error("the file could not be read"));
    };
    reader.readAsDataURL(file);
  });
}

import type { AppError_Serialize as AppError, ErrorCode } from "./bindings";

/** What every generated command returns: tauri-specta's result union. */
type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** A command's `{code, message}` error, thrown so TanStack Query and error boundaries see it. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  /** The form field to highlight, when the error belongs to one. */
  readonly field: string | undefined;
  /** The values the code's message interpolates. */
  readonly params: Partial<Record<string, string>>;

  constructor(error: AppError) {
    super(`${error.code}: ${error.message}`);
    this.name = "CommandError";
    this.code = error.code;
    this.detail = error.message;
    this.field = error.field;
    this.params = error.params ?? {};
  }
}

/**
 * Normalises anything a command can reject with. Our commands reject with `{code, message}`;
 * Tauri itself (unknown command, denied by the capability, bad arguments) rejects with a string.
 */
export function toAppError(rejection: unknown): AppError {
  if (
    typeof rejection === "object" &&
    rejection !== null &&
    typeof (rejection as { code?: unknown }).code === "string"
  ) {
    // The backend answers only codes of its closed list (`ErrorCode`); one without a message
    // here still gets the generic text (`codeMessage`).
    const { code, message, field, params } = rejection as {
      code: ErrorCode;
      message?: unknown;
      field?: unknown;
      params?: unknown;
    };
    return {
      code,
      message: typeof message === "string" ? message : "",
      ...(typeof field === "string" ? { field } : {}),
      ...(typeof params === "object" && params !== null
        ? { params: params as Record<string, string> }
        : {}),
    };
  }
  return { code: "ipc.failed", message: String(rejection) };
}

/** Awaits a generated command and returns its data, or throws a `CommandError`. */
export async function call<T>(command: Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await command;
  } catch (rejection) {
    throw new CommandError(toAppError(rejection));
  }
  if (result.status === "error") {
    throw new CommandError(toAppError(result.error));
  }
  return result.data;
}

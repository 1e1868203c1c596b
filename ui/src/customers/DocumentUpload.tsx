import { Alert, Button, Divider, Group, Input, Progress, Select, Stack, Text } from "@mantine/core";
import { IconFileUpload, IconPaperclip } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type {
  CustomerWriteAnswer_Serialize as CustomerWriteAnswer,
  DocumentRules,
  DocumentType,
  ErrorCode,
} from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { codeMessage, issueMessages } from "../forms/codeMessage";
import { formatBytes } from "../format/bytes";
import { CommandError } from "../ipc";
import { newWriteKey } from "../links/linkForm";
import { fileProblem, readAsDataUrl } from "./documents";
import { useDocumentRules, useUploadDocument } from "./queries";

type Issues = { documentType?: string; file?: string };
/** How the last upload ended, as the page says it. */
type Outcome = { color: "green" | "orange" | "red"; text: string };

/**
 * Uploading a document on the customer's behalf: its documented type, a file picked in the
 * page (no file-system access is granted to the window), checked with the service's rules
 * before it is read or sent, an indeterminate progress with its name and size while the write
 * engine sends it, and the outcome on the page. Each upload is one write (its own key).
 */
export function DocumentUpload({ customerId }: { customerId: string }) {
  const { t } = useTranslation("customers");
  const rules = useDocumentRules();
  return (
    <Stack gap="xs" data-testid="customer-upload">
      <Divider label={t("detail.upload.title")} labelPosition="left" />
      {rules.data ? (
        <UploadForm customerId={customerId} rules={rules.data} />
      ) : (
        <Text size="sm" c="dimmed">
          {rules.isError ? t("detail.upload.rulesError") : t("detail.upload.loading")}
        </Text>
      )}
    </Stack>
  );
}

function UploadForm({ customerId, rules }: { customerId: string; rules: DocumentRules }) {
  const { t, i18n } = useTranslation("customers");
  const locale = i18n.language;
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const key = useRef(newWriteKey());
  const [documentType, setDocumentType] = useState<DocumentType | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const limits = {
    types: rules.mimeTypes.map((mime) => (mime.split("/")[1] ?? mime).toUpperCase()).join(", "),
    max: formatBytes(rules.maxBytes, locale),
  };
  const onField = (code: ErrorCode) => codeMessage(t, (k) => i18n.exists(k), code);

  const upload = useUploadDocument({
    onSuccess: (answer: CustomerWriteAnswer) => {
      if (answer.status === "refused") {
        const messages = issueMessages(t, (k) => i18n.exists(k), answer.issues);
        setIssues({ documentType: messages.documentType, file: messages.file });
        return;
      }
      const { state, lastErrorCode } = answer.outcome.write;
      if (state === "done") {
        const type = t(`documentTypes.${documentType ?? "other"}`);
        setOutcome({ color: "green", text: t("detail.upload.done", { type }) });
        setFile(null);
        setDocumentType(null);
      } else if (state === "uncertain") {
        setOutcome({ color: "orange", text: t("detail.upload.uncertain") });
      } else if (lastErrorCode?.startsWith("document.") === true) {
        setIssues({ file: onField(lastErrorCode) });
      } else {
        const text =
          lastErrorCode === null
            ? t("detail.upload.notSent")
            : errorMessage(new CommandError({ code: lastErrorCode, message: "" })).text;
        setOutcome({ color: "red", text });
      }
      // Whatever came of it, the next upload is another write.
      key.current = newWriteKey();
    },
    onError: (error) => {
      key.current = newWriteKey();
      setOutcome({ color: "red", text: errorMessage(error).text });
    },
  });
  const busy = reading || upload.isPending;

  /** What is wrong with the chosen file, said on its field; nothing when it can be sent. */
  function fileIssue(chosen: File | null): string | undefined {
    if (chosen === null) return t("detail.upload.chooseFile");
    const problem = fileProblem(chosen, rules);
    return problem === null ? undefined : t(`detail.upload.problem.${problem}`, limits);
  }

  function choose(chosen: File | null) {
    setOutcome(null);
    setFile(chosen);
    setIssues((current) => ({
      ...current,
      file: chosen === null ? undefined : fileIssue(chosen),
    }));
  }

  async function send() {
    const next: Issues = {
      documentType: documentType === null ? t("detail.upload.chooseType") : undefined,
      file: fileIssue(file),
    };
    setIssues(next);
    setOutcome(null);
    if (next.documentType !== undefined || next.file !== undefined) return;
    if (documentType === null || file === null || busy) return;
    setReading(true);
    try {
      const data = await readAsDataUrl(file);
      upload.mutate({ key: key.current, customerId, documentType, file: data });
    } catch {
      setIssues({ file: t("detail.upload.unreadable") });
    } finally {
      setReading(false);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          label={t("detail.upload.type")}
          placeholder={t("detail.upload.typePlaceholder")}
          data={rules.documentTypes.map((value) => ({
            value,
            label: t(`documentTypes.${value}`),
          }))}
          value={documentType}
          error={issues.documentType}
          searchable
          disabled={busy}
          onChange={(value) => {
            setDocumentType(value);
            setIssues((current) => ({ ...current, documentType: undefined }));
          }}
          style={{ flex: "1 1 14rem" }}
          data-testid="customer-document-type"
        />
        {/* The same wrapper as the select beside it, so both labels look alike. */}
        <Input.Wrapper
          label={t("detail.upload.file")}
          labelProps={{ id: `document-file-${customerId}` }}
          style={{ flex: "1 1 14rem" }}
        >
          {/* The picker is the page's own: the window is granted no file-system plugin. */}
          <input
            ref={input}
            type="file"
            accept={rules.mimeTypes.join(",")}
            tabIndex={-1}
            aria-hidden
            style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
            onChange={(event) => {
              choose(event.currentTarget.files?.[0] ?? null);
              // The same file chosen again after a failure is a change too.
              event.currentTarget.value = "";
            }}
            data-testid="customer-document-file"
          />
          <Button
            variant="default"
            fullWidth
            leftSection={<IconPaperclip size={16} aria-hidden />}
            disabled={busy}
            aria-describedby={`document-file-${customerId}`}
            onClick={() => input.current?.click()}
            data-testid="customer-document-choose"
          >
            {file === null ? t("detail.upload.choose") : t("detail.upload.chooseOther")}
          </Button>
          <Text
            size="xs"
            mt={4}
            c={issues.file ? "red" : "dimmed"}
            data-testid="customer-document-file-status"
            style={{ overflowWrap: "anywhere" }}
          >
            {issues.file ??
              (file === null
                ? t("detail.upload.hint", limits)
                : `${file.name} · ${formatBytes(file.size, locale)}`)}
          </Text>
        </Input.Wrapper>
      </Group>
      {busy && file !== null && (
        <Stack gap={4} aria-live="polite" data-testid="customer-upload-progress">
          <Text size="sm">
            {reading
              ? t("detail.upload.reading", {
                  name: file.name,
                  size: formatBytes(file.size, locale),
                })
              : t("detail.upload.sending", {
                  name: file.name,
                  size: formatBytes(file.size, locale),
                })}
          </Text>
          <Progress value={100} animated striped aria-label={t("detail.upload.progress")} />
        </Stack>
      )}
      {outcome !== null && (
        <Alert color={outcome.color} aria-live="polite" data-testid="customer-upload-outcome">
          {outcome.text}
        </Alert>
      )}
      <Group>
        <Button
          leftSection={<IconFileUpload size={16} aria-hidden />}
          loading={busy}
          onClick={() => void send()}
          data-testid="customer-document-upload"
        >
          {t("detail.upload.submit")}
        </Button>
      </Group>
    </Stack>
  );
}

import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { DocumentRules } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { customerWriteDone } from "../test/fixtures";
import { DocumentUpload } from "./DocumentUpload";

const RULES: DocumentRules = {
  maxBytes: 1024,
  mimeTypes: ["application/pdf", "image/png"],
  documentTypes: ["bank_statement", "other"],
};

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Upload = { idempotencyKey: string; customerId: string; documentType: string; file: string };

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
async function renderUpload(answer: (upload: Upload) => unknown) {
  const uploads: Upload[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "document_rules") return RULES;
    if (cmd === "upload_customer_document") {
      const upload = args as Upload;
      uploads.push(upload);
      return answer(upload);
    }
    throw new Error(`unexpected command ${cmd}`);
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <DocumentUpload customerId="186" />
    </Providers>,
  );
  // The form shows once the rules are read.
  await screen.findByTestId("customer-document-upload");
  return uploads;
}

const done = (upload: Upload) =>
  customerWriteDone("uploadDocument", upload.customerId, upload.customerId);

async function chooseType(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByTestId("customer-document-type"));
  await user.click(await screen.findByText(name));
}

describe("Document upload", () => {
  it("checks the type and size with the service's rules before anything is sent", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const uploads = await renderUpload(done);
    const section = await screen.findByTestId("customer-upload");
    const status = within(section).getByTestId("customer-document-file-status");
    // The limits shown come from the rules: PDF and PNG up to 1 kB.
    expect(status).toHaveTextContent("PDF, PNG, hasta 1 kB.");
    const input = within(section).getByTestId("customer-document-file");
    expect(input).toHaveAttribute("accept", "application/pdf,image/png");

    // Nothing chosen: each missing field says so on that field.
    await user.click(within(section).getByTestId("customer-document-upload"));
    expect(await screen.findByText("Elige el tipo de documento.")).toBeInTheDocument();
    expect(status).toHaveTextContent("Elige el archivo que vas a subir.");

    await user.upload(input, new File(["GIF89a"], "ine.gif", { type: "image/gif" }));
    expect(status).toHaveTextContent("Este tipo de archivo no se acepta; sube PDF, PNG.");
    await user.upload(
      input,
      new File([new Uint8Array(2048)], "grande.pdf", { type: "application/pdf" }),
    );
    expect(status).toHaveTextContent("El archivo pesa más de 1 kB");
    await chooseType(user, "Estado de cuenta bancario");
    await user.click(within(section).getByTestId("customer-document-upload"));
    expect(uploads).toHaveLength(0);
  });

  it("sends the chosen file as a data URL under one key per upload and says how it ended", async () => {
    const user = userEvent.setup();
    const uploads = await renderUpload(done);
    const section = await screen.findByTestId("customer-upload");
    await chooseType(user, "Estado de cuenta bancario");
    await user.upload(
      within(section).getByTestId("customer-document-file"),
      new File([PNG], "estado.png", { type: "image/png" }),
    );
    expect(within(section).getByTestId("customer-document-file-status")).toHaveTextContent(
      "estado.png · 8 bytes",
    );
    await user.click(within(section).getByTestId("customer-document-upload"));
    expect(await within(section).findByTestId("customer-upload-outcome")).toHaveTextContent(
      "Estado de cuenta bancario: documento subido a CryptoPocket.",
    );
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({
      customerId: "186",
      documentType: "bank_statement",
      file: "data:image/png;base64,iVBORw0KGgo=",
    });

    // The next upload is another write.
    await chooseType(user, "Otro");
    await user.upload(
      within(section).getByTestId("customer-document-file"),
      new File([PNG], "otro.png", { type: "image/png" }),
    );
    await user.click(within(section).getByTestId("customer-document-upload"));
    await waitFor(() => {
      expect(uploads).toHaveLength(2);
    });
    expect(uploads[1]?.idempotencyKey).not.toBe(uploads[0]?.idempotencyKey);
  });

  it("puts a refusal of the file on the file field", async () => {
    const user = userEvent.setup();
    await renderUpload(() => ({
      status: "refused",
      issues: [{ field: "file", code: "document.content" }],
    }));
    const section = await screen.findByTestId("customer-upload");
    await chooseType(user, "Otro");
    await user.upload(
      within(section).getByTestId("customer-document-file"),
      new File([PNG], "falso.png", { type: "image/png" }),
    );
    await user.click(within(section).getByTestId("customer-document-upload"));
    await waitFor(() => {
      expect(within(section).getByTestId("customer-document-file-status")).toHaveTextContent(
        "El contenido del archivo no corresponde a su tipo.",
      );
    });
  });
});

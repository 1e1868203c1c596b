import { Linter } from "eslint";
import tseslint from "typescript-eslint";

import queryRules from "./queryRules.json";

// As in eslint.config.js: every source file is linted, and the rule applies where it says.
const config = [
  { files: ["src/**/*.{ts,tsx}"], languageOptions: { parser: tseslint.parser } },
  queryRules,
] as Linter.Config[];

// Paths as ESLint sees them from the ui folder, wherever that is.
const UI = "/ui";

function lint(code: string, file: string) {
  return new Linter({ cwd: UI })
    .verify(code, config, `${UI}/${file}`)
    .map((message) => message.ruleId);
}

const RAW = `
  import { useMutation, useQuery } from "@tanstack/react-query";
  export function Screen() {
    const list = useQuery({ queryKey: ["links"], queryFn: () => [] });
    const save = useMutation({ mutationFn: () => Promise.resolve() });
    return [list, save];
  }
`;

describe("queries live in their feature's queries.ts", () => {
  it("fails a component that declares a query, a raw key or a mutation", () => {
    expect(lint(RAW, "src/links/Screen.tsx")).toEqual([
      "no-restricted-syntax",
      "no-restricted-syntax",
      "no-restricted-syntax",
    ]);
  });

  it("lets the feature's queries.ts and the tests declare them", () => {
    expect(lint(RAW, "src/links/queries.ts")).toEqual([]);
    expect(lint(RAW, "src/links/Screen.test.tsx")).toEqual([]);
  });
});

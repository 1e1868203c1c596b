import { MantineProvider } from "@mantine/core";
import { act, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { SearchBox } from "./SearchBox";
import { SEARCH_DEBOUNCE_MS, useAppliedFilters } from "./useAppliedFilters";

/** The box under a screen that counts its own renders and can set the text itself. */
function renderBox() {
  const reported: string[] = [];
  const renders = { screen: 0 };
  let setText: (text: string) => void = () => undefined;
  function Screen() {
    const [text, set] = useState("");
    setText = set;
    renders.screen++;
    return (
      <SearchBox
        value={text}
        onChange={(next) => {
          reported.push(next);
          set(next);
        }}
        placeholder="Buscar"
        label="Buscar ligas"
        testId="search"
      />
    );
  }
  render(
    <MantineProvider>
      <Screen />
    </MantineProvider>,
  );
  const box = screen.getByTestId<HTMLInputElement>("search");
  const type = (text: string) => {
    fireEvent.change(box, { target: { value: text } });
  };
  return {
    box,
    type,
    reported,
    renders,
    setText: (text: string) => {
      act(() => {
        setText(text);
      });
    },
  };
}

// Typing pauses are timed with fake timers.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("SearchBox", () => {
  it("keeps the keystrokes to itself and reports the text once typing pauses", () => {
    const { box, type, reported, renders } = renderBox();
    const before = renders.screen;
    for (const text of ["p", "pe", "per", "pere", "perez"]) {
      type(text);
      act(() => {
        vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 20);
      });
    }
    expect(box.value).toBe("perez");
    expect(reported).toEqual([]);
    expect(renders.screen).toBe(before);
    act(() => {
      vi.advanceTimersByTime(20);
    });
    expect(reported).toEqual(["perez"]);
    expect(renders.screen).toBe(before + 1);
  });

  it("clears at once on Esc, and takes a text the screen sets", () => {
    const { box, type, reported, setText } = renderBox();
    type("zuniga");
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.value).toBe("");
    expect(reported).toEqual([""]);
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2);
    });
    expect(reported).toEqual([""]);

    setText("cafe");
    expect(box.value).toBe("cafe");
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2);
    });
    expect(reported).toEqual([""]);
  });

  it("keeps what was typed after the text it reported comes back", () => {
    const { box, type, reported } = renderBox();
    type("pastel");
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    type("pastel p");
    expect(reported).toEqual(["pastel"]);
    expect(box.value).toBe("pastel p");
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(reported).toEqual(["pastel", "pastel p"]);
  });
});

describe("useAppliedFilters", () => {
  it("applies a new search text at once and any other filter once it settles", () => {
    const start = { text: "", status: "all" };
    const { result, rerender } = renderHook(({ filters }) => useAppliedFilters(filters), {
      initialProps: { filters: start },
    });
    const searched = { text: "perez", status: "all" };
    rerender({ filters: searched });
    expect(result.current).toBe(searched);
    // Settling later changes nothing the list reads.
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(result.current).toBe(searched);

    const active = { text: "perez", status: "active" };
    rerender({ filters: active });
    expect(result.current.status).toBe("all");
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(result.current).toBe(active);
  });
});

import { useQuery } from "@tanstack/react-query";

import { commands } from "../bindings";
import { call } from "../ipc";

/** The active profile, from the same `app_info` answer the About card uses. */
export function useActiveProfile() {
  const info = useQuery({ queryKey: ["appInfo"], queryFn: () => call(commands.appInfo()) });
  return info.data?.activeProfile;
}

import { useAppInfo } from "../app/queries";

/** The active profile, from the same `app_info` answer the About card uses. */
export function useActiveProfile() {
  return useAppInfo().data?.activeProfile;
}

import { useQuery, useQueryClient, type Query } from "@tanstack/react-query";

import {
  commands,
  type CredentialSlot,
  type Profile_Serialize,
  type ProfileInput_Deserialize as ProfileInput,
  type SlotStatus,
} from "../bindings";
import { call } from "../ipc";
import { appKeys, useCommandMutation, type MutationCallbacks } from "../app/queries";

export const profileKeys = {
  list: ["profiles"] as const,
  slots: (profileId: string) => ["credentialSlots", profileId] as const,
};

/** What a change to the profiles makes stale: the list and the header's active profile. */
const PROFILES_CHANGED = [profileKeys.list, appKeys.info] as const;
/** Queries whose answer does not depend on the active profile. */
const PROFILE_FREE: ReadonlySet<unknown> = new Set([
  profileKeys.list[0],
  profileKeys.slots("")[0],
  appKeys.info[0],
]);

export function useProfiles() {
  return useQuery({ queryKey: profileKeys.list, queryFn: () => call(commands.listProfiles()) });
}

export function useCredentialSlots(profileId: string) {
  return useQuery({
    queryKey: profileKeys.slots(profileId),
    queryFn: () => call(commands.credentialSlots(profileId)),
  });
}

/** Creates a profile (`profile` null) or edits one. */
export function useSaveProfile(
  profile: Profile_Serialize | null,
  callbacks?: MutationCallbacks<Profile_Serialize, ProfileInput>,
) {
  return useCommandMutation(
    (input: ProfileInput) =>
      call(profile ? commands.updateProfile(profile.id, input) : commands.createProfile(input)),
    () => PROFILES_CHANGED,
    callbacks,
  );
}

export function useDeleteProfile(id: string, callbacks?: MutationCallbacks<null, void>) {
  return useCommandMutation(
    () => call(commands.deleteProfile(id)),
    () => PROFILES_CHANGED,
    callbacks,
  );
}

/**
 * Makes a profile the active one. Every cached result belongs to the profile left behind, so it
 * is dropped, not refetched in place: a merchant id both profiles know must not show the old
 * profile's links while the new ones load. Answers still in flight were asked of the old
 * profile and are cancelled first. The profiles themselves (list, slots) are the same from
 * every profile and are only read again.
 */
export function useSwitchProfile(id: string) {
  const client = useQueryClient();
  const ofProfile = { predicate: (query: Query) => !PROFILE_FREE.has(query.queryKey[0]) };
  return useCommandMutation(
    () => call(commands.switchProfile(id)),
    () => PROFILES_CHANGED,
    {
      onSuccess: async () => {
        await client.cancelQueries(ofProfile);
        await client.resetQueries(ofProfile);
      },
    },
  );
}

/** Sets (a value) or clears (`null`) one keyring slot; the answer is every slot's status. */
export function useCredentialSlot(profileId: string, slot: CredentialSlot, onSaved: () => void) {
  const client = useQueryClient();
  return useCommandMutation(
    (value: string | null) =>
      call(
        value === null
          ? commands.clearCredential(profileId, slot)
          : commands.setCredential(profileId, slot, value),
      ),
    () => [],
    {
      onSuccess: (next: SlotStatus[]) => {
        client.setQueryData(profileKeys.slots(profileId), next);
        onSaved();
      },
    },
  );
}

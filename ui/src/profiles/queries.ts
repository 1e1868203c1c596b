import { useQuery, useQueryClient } from "@tanstack/react-query";

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

/** Makes a profile the active one. Every cached result belongs to the profile left behind. */
export function useSwitchProfile(id: string) {
  const client = useQueryClient();
  return useCommandMutation(
    () => call(commands.switchProfile(id)),
    () => [],
    { onSuccess: () => client.invalidateQueries() },
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

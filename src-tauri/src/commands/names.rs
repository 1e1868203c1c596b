// The one list of the app's IPC commands. Included by build.rs (ACL manifest) and checked against
// the generated TypeScript bindings by a test, so a command cannot be registered without being
// granted, or granted without existing.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "startup_status",
    "get_preferences",
    "set_locale",
    "validate_field",
    "validate_cross",
    "list_profiles",
    "create_profile",
    "update_profile",
    "delete_profile",
    "switch_profile",
    "credential_slots",
    "set_credential",
    "clear_credential",
    "sandbox_status",
    "sandbox_reset",
    "sandbox_set_faults",
    "list_merchants",
    "search_links",
    "links_status",
    "sync_links",
    "submit_link_write",
    "retry_link_write",
    "discard_link_write",
];

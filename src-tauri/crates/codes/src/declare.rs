//! The macro that turns the list into the two enums, so their strings, severities and
//! parameters cannot drift apart.

/// Declares every code once. Validator codes become variants of both [`crate::Code`] (with a
/// severity and the parameters an issue carries) and [`crate::ErrorCode`]; error codes only of
/// the latter, with the parameters the error supplies to its message.
macro_rules! codes {
    (
        validation {
            $( $(#[$vdoc:meta])* $vvariant:ident = $vtext:literal, $severity:ident, [$($vparam:literal),*]; )*
        }
        errors {
            $( $(#[$doc:meta])* $variant:ident = $text:literal, [$($param:literal),*]; )*
        }
    ) => {
        /// A stable validation code; serialised as its dotted string (`"curp.check_digit"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
        pub enum Code {
            $( $(#[$vdoc])* #[serde(rename = $vtext)] $vvariant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$vvariant),*];

            /// The dotted string the UI uses as its translation key.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$vvariant => $vtext,)* }
            }

            /// Errors block; warnings (e.g. an RFC check character) only inform.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$vvariant => Severity::$severity,)* }
            }

            /// Names of the parameters every issue with this code carries.
            pub const fn params(self) -> &'static [&'static str] {
                match self { $(Code::$vvariant => &[$($vparam),*],)* }
            }
        }

        /// Every code the backend can return; serialised as its dotted string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
        pub enum ErrorCode {
            $( $(#[$vdoc])* #[serde(rename = $vtext)] $vvariant, )*
            $( $(#[$doc])* #[serde(rename = $text)] $variant, )*
        }

        impl ErrorCode {
            /// Every code, validator codes first.
            pub const ALL: &'static [ErrorCode] =
                &[$(ErrorCode::$vvariant,)* $(ErrorCode::$variant,)*];

            /// The dotted string the UI uses as its translation key.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$vvariant => $vtext,)*
                    $(ErrorCode::$variant => $text,)*
                }
            }

            /// The validator code this is, if it is one (its message is in `validation.json`).
            pub const fn validation(self) -> Option<Code> {
                match self {
                    $(ErrorCode::$vvariant => Some(Code::$vvariant),)*
                    _ => None,
                }
            }

            /// Names of the parameters a command error with this code supplies. A validator code
            /// reaching a command error carries none (its message there drops them).
            pub const fn params(self) -> &'static [&'static str] {
                match self {
                    $(ErrorCode::$variant => &[$($param),*],)*
                    _ => &[],
                }
            }

            /// The code with this dotted string (a code read back from the database or from a
            /// provider double's answer).
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($vtext => Some(ErrorCode::$vvariant),)*
                    $($text => Some(ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }

        impl From<Code> for ErrorCode {
            fn from(code: Code) -> Self {
                match code { $(Code::$vvariant => ErrorCode::$vvariant,)* }
            }
        }
    };
}

pub(crate) use codes;

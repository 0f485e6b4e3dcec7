//! The YAML reader's messages in the bank's terms: it speaks of Rust types and its own options
//! (`Option<String>`, `from_str_multiple`, `Aliases { aliases: 50001 }`), which mean nothing to
//! someone editing a bank file.

/// `msg` (from serde-saphyr, without its position) as a bank author would want it said.
pub fn in_bank_terms(msg: &str) -> String {
    if msg.contains("cannot deserialize null into") {
        return "this field is empty: give it a value, or leave the field out where it is optional"
            .into();
    }
    if msg.contains("multiple YAML documents") {
        return "a second YAML document (a line with `---`): a bank file holds one document".into();
    }
    if msg.contains("!!binary") {
        return "a `!!binary` value that is not text: write the text itself".into();
    }
    if let Some(breach) = msg.strip_prefix("budget breached: ") {
        let what = match breach.split([' ', '{']).next().unwrap_or("") {
            "Aliases" => "uses aliases (`*name`) too many times",
            "Anchors" => "defines too many anchors (`&name`)",
            "Depth" => "nests lists and mappings too deeply",
            "Events" | "Nodes" => "is too large",
            _ => "is too large or too complex",
        };
        return format!(
            "the file {what} for a bank file; write the values out instead of repeating references"
        );
    }
    let mut out = msg.to_string();
    for (rust, plain) in [
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected a string", "expected text"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected a mapping (`key: value` lines)"),
    ] {
        out = out.replace(rust, plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::in_bank_terms;

    #[test]
    fn no_message_names_a_rust_type_or_a_reader_option() {
        for raw in [
            "cannot deserialize null into string; use Option<String>",
            "multiple YAML documents detected; use from_str_multiple or from_str_multiple_with_options",
            "!!binary scalar is not valid UTF-8 so cannot be stored into string. If you just use !!binary for documentation/annotation, set ignore_binary_tag_for_string in Options",
            "budget breached: Aliases { aliases: 50001 }",
            "invalid type: string \"x\", expected u32",
        ] {
            let said = in_bank_terms(raw);
            for rust in [
                "Option<",
                "from_str",
                "ignore_binary",
                "Options",
                "{",
                "u32",
            ] {
                assert!(!said.contains(rust), "{raw:?} became {said:?}");
            }
        }
        assert!(in_bank_terms("budget breached: Aliases { aliases: 50001 }").contains("aliases"));
    }
}

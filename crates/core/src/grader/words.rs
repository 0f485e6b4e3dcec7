//! A command template split into words like a shell would for a simple command: spaces separate
//! words, '...' and "..." group them (the quotes go), nothing else is special. The grader runs
//! without a shell, so a placeholder's value (the question, a file name) is always one argument.

/// The words of `template`; `None` when a quote is not closed.
pub fn split_words(template: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in template.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return None;
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn quotes_group_words_and_go() {
        let w = split_words(r#"llm -s 'grade this' --schema "a b" {txt}"#).unwrap();
        assert_eq!(w, ["llm", "-s", "grade this", "--schema", "a b", "{txt}"]);
        assert_eq!(split_words("  a   ''  b ").unwrap(), ["a", "", "b"]);
        assert_eq!(split_words("a 'b"), None);
    }
}

//! Validation problems, each pinned to a file, line and column.

use super::Origin;
use serde::Serialize;
use std::fmt;

/// One problem in a bank file, printed as `file:line:column: message`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }

    pub fn at(origin: &Origin, message: impl Into<String>) -> Self {
        Self::new(&origin.file, origin.line, origin.column, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            one_line(&self.file),
            self.line,
            self.column,
            one_line(&self.message)
        )
    }
}

/// A problem is one line: a newline in a file name or a quoted value could forge another
/// `file:line` line, so line breaks and tabs show in caret form (`^J`). Every other control is
/// shown as a stand-in where prep writes (the core's `text::clean`).
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\n', '\r', '\t']) {
        return s.into();
    }
    s.replace('\n', "^J")
        .replace('\r', "^M")
        .replace('\t', "^I")
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_problem_is_always_one_line() {
        let d = super::Diagnostic::new("a\nb.yaml:1:1: fine", 2, 3, "unknown kind `x\ny`");
        assert_eq!(
            d.to_string(),
            "a^Jb.yaml:1:1: fine:2:3: unknown kind `x^Jy`"
        );
    }
}

/// Every problem found in a bank; the loader returns all of them, not just the first.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

//! Code shared by the integration tests (each test file declares `mod common;`).

pub mod pty;

//! Damage from outside: every corrupt shape of the log, a read-only folder, a full disk.

use super::{append_args, good_line, ids, log_path, prep, read_log, saved_ids};
use prep_core::storage::parse_log;
use std::path::Path;
use std::process::{Command, Output};

fn stats(data: &Path) -> (serde_json::Value, String, Output) {
    let out = prep(data)
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (json, err, out)
}

/// Each corrupt shape: reported with its line by `prep stats`, the file untouched byte for byte,
/// every good record kept; a later save appends after it and touches nothing before.
#[test]
fn each_corrupt_shape_is_reported_by_line_and_left_untouched() {
    let (g1, g2, g3) = (good_line(1), good_line(2), good_line(3));
    let future = good_line(9).replace(r#""schema":1"#, r#""schema":99"#);
    let shapes: Vec<(&str, Vec<u8>, usize, &str)> = vec![
        (
            "truncated last line",
            format!("{g1}\n{g2}\n{}", &g3[..40]).into_bytes(),
            3,
            "not a complete record",
        ),
        (
            "NUL bytes",
            [
                format!("{g1}\n").as_bytes(),
                b"\0\0\0\0\0\0\n",
                g2.as_bytes(),
                b"\n",
            ]
            .concat(),
            2,
            "contains NUL bytes",
        ),
        (
            "newer schema",
            format!("{g1}\n{g2}\n{future}\n").into_bytes(),
            3,
            "written by a newer prep (schema 99, this one reads 1)",
        ),
        (
            "not a record",
            format!("{g1}\n{{\"schema\":1,\"hello\":true}}\n{g2}\n").into_bytes(),
            2,
            "not an attempt record",
        ),
        (
            "invalid UTF-8",
            [
                format!("{g1}\n{g2}\n").as_bytes(),
                b"{\"notes\":\"\xff\xfe\"}\n",
            ]
            .concat(),
            3,
            "not UTF-8 text",
        ),
    ];
    for (name, bytes, line, message) in shapes {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        std::fs::write(log_path(data), &bytes).unwrap();
        let (json, err, out) = stats(data);
        assert!(out.status.success(), "{name}: {err}");
        let want = format!("{}:{line}: {message}", log_path(data).display());
        assert!(err.contains(&want), "{name}: want {want:?} in {err:?}");
        assert_eq!(json["attempts"], 2, "{name}: good records kept");
        assert_eq!(read_log(data), bytes, "{name}: reading changed the file");

        let out = prep(data).args(append_args(1, 0, "new")).output().unwrap();
        assert!(out.status.success(), "{name}");
        let after = read_log(data);
        assert!(
            after.starts_with(&bytes),
            "{name}: a save touched old bytes"
        );
        let (json, err, _) = stats(data);
        assert_eq!(json["attempts"], 3, "{name}: {err}");
        assert!(err.contains(&want), "{name}: still reported: {err}");
    }
}

/// The data folder for a child that file permissions apply to; as root (who ignores them) the
/// child runs as `nobody`.
fn unprivileged(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    let probe = tempfile::tempdir().unwrap();
    set_mode(probe.path(), 0o555);
    let privileged = std::fs::write(probe.path().join("x"), "").is_ok();
    set_mode(probe.path(), 0o755);
    if privileged {
        cmd.uid(65534).gid(65534);
    }
    cmd
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A read-only data folder and log: a clear message naming the file, exit 1, nothing lost.
#[test]
fn a_read_only_data_folder_says_so_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        log_path(&data),
        format!("{}\n{}\n", good_line(1), good_line(2)),
    )
    .unwrap();
    let before = read_log(&data);
    set_mode(dir.path(), 0o755);
    set_mode(&log_path(&data), 0o444);
    set_mode(&data, 0o555);
    let out = unprivileged(prep(&data).args(append_args(1, 0, "ro")))
        .output()
        .unwrap();
    set_mode(&data, 0o755);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    let want = format!(
        "prep: not saved: cannot open {} to save: not allowed to write there",
        log_path(&data).display()
    );
    assert!(err.starts_with(&want), "want {want:?}, got {err:?}");
    assert!(
        err.contains("everything saved before is untouched"),
        "{err}"
    );
    assert_eq!(read_log(&data), before);
    assert_eq!(stats(&data).0["attempts"], 2);
}

/// A full disk, simulated by a file-size limit (`ulimit -f`, with SIGXFSZ ignored so the write
/// fails with an error as on a full disk): a record cut off midway is removed again, the message
/// says what happened, the exit status is 1, and every earlier record is intact.
#[test]
fn a_full_disk_midway_through_a_record_keeps_everything_before() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(
        prep(data)
            .args(append_args(3, 100, "early"))
            .output()
            .unwrap()
            .status
            .success()
    );
    let before = read_log(data);
    // 64 blocks is 32 KiB (or 64 KiB where a block is 1 KiB); records of ~3 KiB will not fit evenly.
    let script = r#"trap '' XFSZ; ulimit -f 64; exec "$0" "$@""#;
    let out = Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_prep")])
        .args(["--data-dir".as_ref(), data.as_os_str()])
        .args(append_args(1000, 3000, "full"))
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let want = format!(
        "prep: not saved: cannot write {}: ",
        log_path(data).display()
    );
    assert!(err.starts_with(&want), "want {want:?}, got {err:?}");
    assert!(
        err.contains("size limit") || err.contains("disk is full"),
        "{err}"
    );
    assert!(
        err.contains("everything saved before is untouched"),
        "{err}"
    );
    let after = read_log(data);
    assert!(after.starts_with(&before), "earlier records changed");
    assert!(after.ends_with(b"\n"), "a partial record was left behind");
    let read = parse_log(&after);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let reported = ids(&out.stdout);
    assert!(reported.len() >= 5, "{} records fitted", reported.len());
    let saved = saved_ids(&read);
    assert_eq!(
        saved[3..],
        reported[..],
        "exactly the reported records follow"
    );
}

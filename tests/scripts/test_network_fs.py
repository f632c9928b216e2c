#!/usr/bin/python3
"""NFS/SMB warning (docs/reliability.md): a database whose directory is on a
network file system gets a warning on standard error, and the command still
works. No NFS mount is needed: a small LD_PRELOAD library makes statfs(2)
report NFS_SUPER_MAGIC (or CIFS) for one directory, the way the kernel would.

Exit 77 (skipped) without a C compiler.
Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import argparse, os, shutil, subprocess, sys

SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>

/* statfs of the directory named by FAKE_NETFS_DIR reports FAKE_NETFS_MAGIC. */
static void fake(const char *path, struct statfs *buf) {
  const char *dir = getenv("FAKE_NETFS_DIR");
  const char *magic = getenv("FAKE_NETFS_MAGIC");
  char resolved[4096];
  if (dir && magic && realpath(path, resolved) && strcmp(resolved, dir) == 0)
    buf->f_type = (__fsword_t)strtoul(magic, NULL, 16);
}
int statfs(const char *path, struct statfs *buf) {
  int (*real)(const char *, struct statfs *) = dlsym(RTLD_NEXT, "statfs");
  int r = real(path, buf);
  if (r == 0) fake(path, buf);
  return r;
}
int statfs64(const char *path, struct statfs64 *buf) {
  int (*real)(const char *, struct statfs64 *) = dlsym(RTLD_NEXT, "statfs64");
  int r = real(path, buf);
  if (r == 0) fake(path, (struct statfs *)buf);
  return r;
}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary, repo, work = os.path.abspath(a.binary), os.path.abspath(a.repo), os.path.abspath(a.work)
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        print("SKIP: no C compiler for the statfs shim")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    share = os.path.realpath(os.path.join(work, "share"))
    os.makedirs(share)
    with open(os.path.join(work, "shim.c"), "w") as f:
        f.write(SHIM)
    shim = os.path.join(work, "shim.so")
    subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", shim, os.path.join(work, "shim.c"), "-ldl"], check=True)
    rules = os.path.join(repo, "examples", "kharkiv-esm", "rules.toml")
    failures = []
    base_env = {**os.environ, "LC_ALL": "C.UTF-8", "LD_PRELOAD": shim, "FAKE_NETFS_DIR": share}
    base_env.pop("COMPETITION_DB", None)

    def run(magic, *args, cwd=work):
        env = dict(base_env)
        if magic:
            env["FAKE_NETFS_MAGIC"] = magic
        return subprocess.run([binary, "--lang", "en", *args], cwd=cwd, env=env, capture_output=True, text=True)

    db = os.path.join(share, "c.db")
    for magic, name in (("6969", "nfs"), ("517B", "smb"), ("FF534D42", "cifs"), ("FE534D42", "smb2")):
        r = run(magic, "--db", db, "init", rules)
        expected = (f"warning: {db} is on a network file system ({name}); SQLite's locking is unreliable there "
                    "— keep the database on a local disk")
        if r.returncode != 0:
            failures.append(f"{name}: init exited {r.returncode}: {r.stderr}")
        if expected not in r.stderr.splitlines():
            failures.append(f"{name}: expected the warning on stderr\n  {expected}\n  got: {r.stderr!r}")
        if expected in r.stdout:
            failures.append(f"{name}: the warning went to standard output")
        # A relative --db is checked in its own directory too.
        r = run(magic, "--db", "share/c.db", "status")
        if f"warning: share/c.db is on a network file system ({name})" not in r.stderr:
            failures.append(f"{name}: no warning for a relative --db: {r.stderr!r}")
        q = run(magic, "-q", "--db", db, "status")
        if "warning:" in q.stderr:
            failures.append(f"{name}: --quiet still printed the warning")
    # A local directory (no fake magic), and a network type we do not warn about, stay silent.
    for magic in ("", "EF53"):
        r = run(magic, "--db", db, "status")
        if "warning:" in r.stderr or r.returncode != 0:
            failures.append(f"magic {magic or 'real'}: exit {r.returncode}, stderr {r.stderr!r}")
    # The shim must have been effective (else the checks above prove nothing).
    probe = run("6969", "--db", db, "status")
    if "network file system" not in probe.stderr:
        failures.append("the statfs shim had no effect")
    for f in failures:
        print("FAIL:", f)
    print(f"network_fs: {len(failures)} failures")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

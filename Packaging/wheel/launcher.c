/* The `migplan` command of the wheel (`migplan-VERSION.data/scripts/migplan`, which pip copies
 * into the environment's bin/ as it is): it finds the native binary of the installed package
 * and replaces itself with it (execv, the same argv), so `migplan` starts native code at once
 * instead of a Python console script. The binary stays in site-packages/migplan/bin/, where its
 * $ORIGIN-relative RPATH finds the libpq that `auditwheel repair` bundled in migplan.libs/.
 *
 * From this file's own directory BIN (/proc/self/exe, symlinks resolved) and PREFIX = BIN/..,
 * it tries, first for the site-packages holding this version's dist-info, then for any:
 *   PREFIX/lib/python3.X/site-packages     venvs, pip --user, pip --prefix, conda
 *   PREFIX/lib64/python3.X/site-packages   platlib of Fedora and RHEL
 *   PREFIX/lib/python3.X/dist-packages     Debian and Ubuntu (/usr/local/lib/python3.X/…)
 *   PREFIX/lib/python3/dist-packages       Debian's own packages
 *   PREFIX/lib/python                      pip --home
 *   PREFIX                                 pip --target DIR (DIR/bin, DIR/migplan)
 * and when none holds migplan/bin/migplan, `BIN/python3 -m migplan`, then `python3 -m migplan`
 * from PATH (the package's __main__ finds the binary from Python's own paths); failing those it
 * prints one line and exits 2.
 *
 *   gcc -O2 -DMIGPLAN_DIST_INFO='"migplan-0.1.0.dev0.dist-info"' -o migplan launcher.c
 *
 * Only libc, and only symbols that every manylinux glibc has (Scripts/build-wheel.sh checks the
 * wheel's tag with auditwheel).
 */
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef MIGPLAN_DIST_INFO
#error "build with -DMIGPLAN_DIST_INFO='\"migplan-VERSION.dist-info\"'"
#endif

static const char *const sites[] = {
    "lib/python3*/site-packages", "lib64/python3*/site-packages", "lib/python3*/dist-packages",
    "lib/python", ".",
};

/* Runs PREFIX/SITE/migplan/bin/migplan for every site matching PATTERN (a glob relative to
 * PREFIX, ending in the file `marker`); returns only when none of them could be run. */
static void try_sites(const char *prefix, const char *marker, char **argv) {
  char pattern[PATH_MAX], binary[PATH_MAX];
  for (size_t i = 0; i < sizeof sites / sizeof sites[0]; i++) {
    if (snprintf(pattern, sizeof pattern, "%s/%s/%s", prefix, sites[i], marker) >=
        (int)sizeof pattern)
      continue;
    glob_t found;
    if (glob(pattern, 0, NULL, &found) != 0) continue;
    for (size_t j = 0; j < found.gl_pathc; j++) {
      char *site = found.gl_pathv[j];
      site[strlen(site) - strlen(marker) - 1] = '\0'; /* drop "/marker" */
      if (snprintf(binary, sizeof binary, "%s/migplan/bin/migplan", site) < (int)sizeof binary)
        execv(binary, argv); /* returns only on failure: try the next */
    }
    globfree(&found);
  }
}

int main(int argc, char **argv) {
  char self[PATH_MAX] = "", python[PATH_MAX] = "";
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0)
    self[n] = '\0';
  else if (strchr(argv[0], '/') == NULL || realpath(argv[0], self) == NULL)
    self[0] = '\0'; /* no /proc and not run by a path: only python3 from PATH is left */

  char *bin_end = strrchr(self, '/');
  if (bin_end != NULL) {
    *bin_end = '\0'; /* BIN; "/python3" is as long as the "/migplan" it replaces */
    snprintf(python, sizeof python, "%s/python3", self);
    char *prefix_end = strrchr(self, '/');
    if (prefix_end != NULL) {
      *prefix_end = '\0'; /* PREFIX ("" for a bin/ right under /) */
      try_sites(self, MIGPLAN_DIST_INFO, argv);
      try_sites(self, "migplan/bin/migplan", argv);
      *prefix_end = '/';
    }
  }

  /* The package's Python entry point: python3 -m migplan ARGS… */
  char **args = malloc(((size_t)argc + 3) * sizeof *args);
  if (args != NULL) {
    args[0] = "python3";
    args[1] = "-m";
    args[2] = "migplan";
    memcpy(args + 3, argv + 1, (size_t)argc * sizeof *args); /* argv[argc] is NULL */
    if (python[0] != '\0') execv(python, args);
    execvp("python3", args);
  }
  fprintf(stderr,
          "migplan: error: no migplan/bin/migplan in the site-packages beside %s, and "
          "python3 -m migplan cannot run; reinstall: pip install --force-reinstall migplan\n",
          self[0] != '\0' ? self : "this launcher");
  return 2;
}

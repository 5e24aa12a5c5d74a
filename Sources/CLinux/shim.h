#ifndef HEARTH_CLINUX_SHIM_H
#define HEARTH_CLINUX_SHIM_H
/* Linux calls that Swift's Glibc module leaves out. */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HEARTH_RENAME_EXCHANGE (1 << 1)
#define HEARTH_AT_FDCWD (-100)

/* Swaps two paths (each a file or a folder) in one atomic step: renameat2(2) with RENAME_EXCHANGE.
   0, or -1 with errno set. Called as a system call rather than through glibc's wrapper, which
   glibc declares only under _GNU_SOURCE and has only since 2.28: an older system, or a file
   system that cannot exchange, answers with an error, and the caller falls back to two renames. */
static inline int hearth_exchange(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, HEARTH_AT_FDCWD, a, HEARTH_AT_FDCWD, b, HEARTH_RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif

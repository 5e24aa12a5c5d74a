#ifndef HEARTH_CLINUX_SHIM_H
#define HEARTH_CLINUX_SHIM_H
/* Linux calls that Swift's Glibc module leaves out, declared here as glibc (2.28 and later)
   exports them: its header declares them only under _GNU_SOURCE, which the Glibc module is built
   without. */

/* renameat2(2): with RENAME_EXCHANGE, two paths swap places in one atomic step. */
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);

#define HEARTH_RENAME_EXCHANGE (1 << 1)
#define HEARTH_AT_FDCWD (-100)

/* Swaps two paths (each a file or a folder); 0, or -1 with errno set. */
static inline int hearth_exchange(const char *a, const char *b) {
    return renameat2(HEARTH_AT_FDCWD, a, HEARTH_AT_FDCWD, b, HEARTH_RENAME_EXCHANGE);
}
#endif

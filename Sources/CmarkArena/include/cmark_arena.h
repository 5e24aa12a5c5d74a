#ifndef HEARTH_CMARK_ARENA_H
#define HEARTH_CMARK_ARENA_H
#include <cmark.h>

// A per-thread arena for cmark's parser and nodes (arena.c).

/// The arena's allocator, for a document parsed on this thread between `enter` and `leave`.
cmark_mem *hearth_arena_enter(void);

/// The arena's allocator, for nodes made for a document of this thread's arena.
cmark_mem *hearth_arena_allocator(void);

/// Lets go of everything the thread's documents took, once the outermost is done.
void hearth_arena_leave(void);

#endif

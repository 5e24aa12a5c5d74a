#include "cmark_arena.h"
#include <stdlib.h>
#include <string.h>

// A per-thread arena for cmark's parser and nodes. cmark allocates each node and buffer with
// calloc and realloc and frees them one by one: 4-5% of a 10,000-page build went to the allocator
// and to freeing trees. Here a document's memory is bumped from the thread's blocks and let go of
// at once when the document is done (`hearth_arena_leave`). cmark's own arena allocator is one
// global arena, which two threads cannot share. Only HearthMarkdown uses this, from synchronous
// code: a document is parsed, walked, rendered and dropped on one thread.

typedef struct hearth_arena_block {
    struct hearth_arena_block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} hearth_arena_block;

static _Thread_local hearth_arena_block *hearth_arena_first;
static _Thread_local hearth_arena_block *hearth_arena_current;
static _Thread_local int hearth_arena_depth;
static _Thread_local unsigned char *hearth_arena_last;

enum { HEARTH_ARENA_HEADER = 16, HEARTH_ARENA_BLOCK = 1 << 20 };

static void *hearth_arena_alloc(size_t size) {
    size_t need = (size + HEARTH_ARENA_HEADER + 15) & ~(size_t)15;
    hearth_arena_block *block = hearth_arena_current;
    if (block == NULL || block->used + need > block->size) {
        size_t capacity = need > HEARTH_ARENA_BLOCK ? need : HEARTH_ARENA_BLOCK;
        hearth_arena_block *fresh = (hearth_arena_block *)malloc(sizeof(hearth_arena_block) + capacity);
        if (fresh == NULL) abort();  // as cmark's own allocator does when out of memory
        fresh->size = capacity;
        fresh->used = 0;
        fresh->next = NULL;
        if (block != NULL) block->next = fresh; else hearth_arena_first = fresh;
        block = fresh;
        hearth_arena_current = block;
    }
    unsigned char *start = block->data + block->used;
    block->used += need;
    *(size_t *)start = size;
    hearth_arena_last = start + HEARTH_ARENA_HEADER;
    return hearth_arena_last;
}

static void *hearth_arena_calloc(size_t count, size_t size) {
    size_t total = count * size;
    if (size != 0 && total / size != count) abort();
    void *memory = hearth_arena_alloc(total);
    memset(memory, 0, total);
    return memory;
}

static void *hearth_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return hearth_arena_alloc(size);
    unsigned char *bytes = (unsigned char *)pointer;
    size_t *header = (size_t *)(bytes - HEARTH_ARENA_HEADER);
    size_t old = *header;
    if (size <= old) return pointer;
    // The last allocation of its block grows where it is when the block has room.
    hearth_arena_block *block = hearth_arena_current;
    if (bytes == hearth_arena_last) {
        size_t start = (size_t)(bytes - HEARTH_ARENA_HEADER - block->data);
        size_t need = (size + HEARTH_ARENA_HEADER + 15) & ~(size_t)15;
        if (start + need <= block->size) {
            block->used = start + need;
            *header = size;
            return pointer;
        }
    }
    void *moved = hearth_arena_alloc(size);
    memcpy(moved, pointer, old);
    return moved;
}

static void hearth_arena_free(void *pointer) { (void)pointer; }

static cmark_mem hearth_arena_mem = {hearth_arena_calloc, hearth_arena_realloc, hearth_arena_free};

// The arena's allocator, for nodes made for a document of this thread's arena.
cmark_mem *hearth_arena_allocator(void) { return &hearth_arena_mem; }

// The arena's allocator, for a document parsed on this thread between `enter` and `leave`.
cmark_mem *hearth_arena_enter(void) {
    hearth_arena_depth += 1;
    return &hearth_arena_mem;
}

// Lets go of everything the thread's documents took, once the outermost is done; the first
/// block is kept for the next document, any others go back to malloc.
void hearth_arena_leave(void) {
    hearth_arena_depth -= 1;
    if (hearth_arena_depth > 0 || hearth_arena_first == NULL) return;
    hearth_arena_block *next = hearth_arena_first->next;
    while (next != NULL) {
        hearth_arena_block *after = next->next;
        free(next);
        next = after;
    }
    hearth_arena_first->next = NULL;
    hearth_arena_first->used = 0;
    if (hearth_arena_first->size > HEARTH_ARENA_BLOCK) {  // one huge document's: not kept
        free(hearth_arena_first);
        hearth_arena_first = NULL;
    }
    hearth_arena_current = hearth_arena_first;
    hearth_arena_last = NULL;
}


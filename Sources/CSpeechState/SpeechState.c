// The state a C library keeps between calls, saved once and put back before every call, for a
// library (espeak-ng) that offers no way to reset itself. What such a library keeps lies in
// three places: its own writable segment (statics), memory it allocated, and hidden state in
// the C library it calls (here only `rand`). The first is found from the program headers; the
// other two are made visible by pointing the library's imported `malloc` family and `rand` at
// an arena and a generator of our own. Restoring is then two copies.
#define _GNU_SOURCE
#include "SpeechState.h"

#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// Address space reserved for the arena; only the pages used become memory. A segment needs
// about a megabyte (espeak-ng's dictionary and phoneme data, a voice per call).
#define ARENA_CAPACITY ((size_t)256 << 20)
#define MAX_REGIONS 8

typedef struct {
    size_t size;
    size_t padding;  // keeps blocks 16-byte aligned, as malloc's are
} BlockHeader;

static char *arena;
static size_t arena_used;
static size_t arena_high_water;
static uint32_t random_state;

static struct {
    char *start;
    char *end;
    char *saved;
} regions[MAX_REGIONS];
static int region_count;
static char *saved_arena;
static size_t saved_arena_used;
static char *reference_tail;  // the arena past the saved part, as the first mark left it
static size_t reference_tail_size;

static size_t block_span(size_t size) {
    return (sizeof(BlockHeader) + size + 15) & ~(size_t)15;
}

static bool in_arena(const void *pointer) {
    return (const char *)pointer >= arena && (const char *)pointer < arena + ARENA_CAPACITY;
}

static void *arena_malloc(size_t size) {
    if (size > ARENA_CAPACITY || block_span(size) > ARENA_CAPACITY - arena_used) return NULL;
    BlockHeader *header = (BlockHeader *)(arena + arena_used);
    arena_used += block_span(size);
    if (arena_used > arena_high_water) arena_high_water = arena_used;
    header->size = size;
    return header + 1;
}

// Blocks are never reused, except the last one, which gives back its space: the arena is
// emptied by every restore, and a call allocates little.
static void arena_free(void *pointer) {
    if (pointer == NULL) return;
    if (!in_arena(pointer)) {
        free(pointer);
        return;
    }
    BlockHeader *header = (BlockHeader *)pointer - 1;
    if ((char *)header + block_span(header->size) == arena + arena_used) arena_used = (char *)header - arena;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    void *pointer = arena_malloc(count * size);
    if (pointer != NULL) memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return arena_malloc(size);
    if (!in_arena(pointer)) return realloc(pointer, size);
    BlockHeader *header = (BlockHeader *)pointer - 1;
    if (size <= header->size) return pointer;
    void *moved = arena_malloc(size);
    if (moved != NULL) memcpy(moved, pointer, header->size);
    return moved;
}

static char *arena_strdup(const char *text) {
    size_t size = strlen(text) + 1;
    char *copy = arena_malloc(size);
    if (copy != NULL) memcpy(copy, text, size);
    return copy;
}

// espeak-ng adds breath noise with `rand`; this one's state is restored with the rest.
static int arena_rand(void) {
    random_state = random_state * 1103515245u + 12345u;
    return (int)((random_state >> 1) & 0x7fffffff);
}

static const struct {
    const char *name;
    void *function;
} replacements[] = {
    {"malloc", (void *)arena_malloc}, {"calloc", (void *)arena_calloc}, {"realloc", (void *)arena_realloc},
    {"free", (void *)arena_free},     {"strdup", (void *)arena_strdup}, {"rand", (void *)arena_rand},
};

typedef struct {
    const char *const *libraries;
    int count;
    bool found_first;
    bool failed;
} InstallRequest;

static bool set_slot(void **slot, void *function, char *protected_end) {
    if ((char *)slot >= protected_end) {
        *slot = function;
        return true;
    }
    // Linked with `-z now`: the slot lies in memory made read-only after loading.
    uintptr_t page = (uintptr_t)slot & ~(uintptr_t)(getpagesize() - 1);
    if (mprotect((void *)page, getpagesize(), PROT_READ | PROT_WRITE) != 0) return false;
    *slot = function;
    return mprotect((void *)page, getpagesize(), PROT_READ) == 0;
}

static int install_in(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    InstallRequest *request = data;
    int wanted = -1;
    for (int index = 0; index < request->count && wanted < 0; index++)
        if (info->dlpi_name != NULL && strstr(info->dlpi_name, request->libraries[index]) != NULL) wanted = index;
    if (wanted < 0) return 0;
    if (region_count == MAX_REGIONS) {
        request->failed = true;
        return 1;
    }
    ElfW(Addr) base = info->dlpi_addr;
    const ElfW(Dyn) *dynamic = NULL;
    char *start = NULL, *end = NULL, *protected_end = NULL;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type == PT_DYNAMIC) dynamic = (const ElfW(Dyn) *)(base + header->p_vaddr);
        if (header->p_type == PT_LOAD && (header->p_flags & PF_W)) {
            start = (char *)(base + header->p_vaddr);
            end = start + header->p_memsz;
        }
        // The loader makes RELRO read-only by whole pages, from its start to its end rounded down.
        if (header->p_type == PT_GNU_RELRO)
            protected_end = (char *)((base + header->p_vaddr + header->p_memsz) & ~(ElfW(Addr))(getpagesize() - 1));
    }
    if (dynamic == NULL || start == NULL) {
        request->failed = true;
        return 1;
    }
    if (protected_end == NULL || protected_end < start) protected_end = start;
    const ElfW(Rela) *relocations = NULL;
    size_t relocations_size = 0;
    const ElfW(Sym) *symbols = NULL;
    const char *names = NULL;
    for (const ElfW(Dyn) *entry = dynamic; entry->d_tag != DT_NULL; entry++) {
        // glibc relocates these addresses in place; other loaders may leave them relative.
        ElfW(Addr) address = entry->d_un.d_ptr < base ? entry->d_un.d_ptr + base : entry->d_un.d_ptr;
        if (entry->d_tag == DT_JMPREL) relocations = (const ElfW(Rela) *)address;
        if (entry->d_tag == DT_PLTRELSZ) relocations_size = entry->d_un.d_val;
        if (entry->d_tag == DT_SYMTAB) symbols = (const ElfW(Sym) *)address;
        if (entry->d_tag == DT_STRTAB) names = (const char *)address;
    }
    if (relocations == NULL || symbols == NULL || names == NULL) {
        request->failed = true;
        return 1;
    }
    for (size_t index = 0; index < relocations_size / sizeof(ElfW(Rela)); index++) {
        const char *name = names + symbols[ELF64_R_SYM(relocations[index].r_info)].st_name;
        for (size_t replacement = 0; replacement < sizeof replacements / sizeof replacements[0]; replacement++) {
            if (strcmp(name, replacements[replacement].name) != 0) continue;
            void **slot = (void **)(base + relocations[index].r_offset);
            if (!set_slot(slot, replacements[replacement].function, protected_end)) {
                request->failed = true;
                return 1;
            }
        }
    }
    // What is saved and restored: the writable segment past the read-only part.
    regions[region_count].start = protected_end > start ? protected_end : start;
    regions[region_count].end = end;
    region_count++;
    if (wanted == 0) request->found_first = true;
    return 0;
}

bool speech_state_install(const char *const *libraries, int count) {
    if (arena != NULL) return false;
    void *reserved = mmap(NULL, ARENA_CAPACITY, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED) return false;
    arena = reserved;
    InstallRequest request = {libraries, count, false, false};
    dl_iterate_phdr(install_in, &request);
    return !request.failed && request.found_first;
}

bool speech_state_save(void) {
    if (arena == NULL) return false;
    for (int index = 0; index < region_count; index++) {
        size_t size = regions[index].end - regions[index].start;
        free(regions[index].saved);
        regions[index].saved = malloc(size);
        if (regions[index].saved == NULL) return false;
        memcpy(regions[index].saved, regions[index].start, size);
    }
    free(saved_arena);
    free(reference_tail);
    reference_tail = NULL;
    reference_tail_size = 0;
    saved_arena = malloc(arena_used ? arena_used : 1);
    if (saved_arena == NULL) return false;
    memcpy(saved_arena, arena, arena_used);
    saved_arena_used = arena_used;
    arena_high_water = arena_used;
    random_state = 0;
    return true;
}

// Not inlined, so that its frame (and the cleared stack) lies where the library's will. espeak-ng
// was measured to reach 46 KB below its entry (the first 300 KB of Emma in 2,000-character lines,
// six voices); clearing 256 KB leaves room for paths that measurement did not take. (32 KB
// saved 1 % of a short render, and would let a job read what a deeper one left behind.)
__attribute__((noinline)) static void clear_stack(void) {
    char stack[256 * 1024];
    explicit_bzero(stack, sizeof stack);
}

// Copies page by page, and only the pages that differ: most of the saved state (espeak-ng's
// phoneme data and dictionary) is never written, and stays shared with the process that saved
// it instead of becoming a private copy in every child.
static void put_back(char *target, const char *saved, size_t size) {
    const size_t page = 4096;
    for (size_t offset = 0; offset < size; offset += page) {
        size_t length = size - offset < page ? size - offset : page;
        if (memcmp(target + offset, saved + offset, length) != 0) memcpy(target + offset, saved + offset, length);
    }
}

void speech_state_restore(void) {
    if (saved_arena == NULL) return;
    for (int index = 0; index < region_count; index++)
        put_back(regions[index].start, regions[index].saved, regions[index].end - regions[index].start);
    put_back(arena, saved_arena, saved_arena_used);
    memset(arena + saved_arena_used, 0, arena_high_water - saved_arena_used);
    arena_used = saved_arena_used;
    random_state = 0;
    clear_stack();
}

// What a voice load leaves is mostly the same whatever the voice: espeak-ng allocates its
// dictionary afresh past the saved arena (some 180 KB, equal for voices of one language), and
// writes a few hundred bytes of its statics. So a mark keeps only the bytes that differ from the
// state `speech_state_restore` gives, with the first mark's new allocations taken as the
// reference past the saved arena: a kept voice then costs a few kilobytes, not a third of a
// megabyte.

// A list of patches: each a `PatchHeader`, then its bytes.
typedef struct {
    uint32_t offset;
    uint32_t length;
} PatchHeader;

typedef struct {
    char *bytes;
    size_t size;
    size_t capacity;
    bool failed;
} Patches;

// Differences closer than this are kept as one patch: a header costs as much.
#define PATCH_JOIN_GAP 16

static void patches_append(Patches *patches, size_t offset, const char *bytes, size_t length) {
    size_t needed = patches->size + sizeof(PatchHeader) + length;
    if (patches->failed) return;
    if (needed > patches->capacity) {
        size_t capacity = patches->capacity ? patches->capacity : 4096;
        while (capacity < needed) capacity *= 2;
        char *grown = realloc(patches->bytes, capacity);
        if (grown == NULL) {
            patches->failed = true;
            return;
        }
        patches->bytes = grown;
        patches->capacity = capacity;
    }
    PatchHeader header = {(uint32_t)offset, (uint32_t)length};
    memcpy(patches->bytes + patches->size, &header, sizeof header);
    memcpy(patches->bytes + patches->size + sizeof header, bytes, length);
    patches->size = needed;
}

// Appends the stretches of `now[0..<size]` that differ from `reference` (zeros when NULL),
// their offsets counted from `base`.
static void patches_add_differences(Patches *patches, const char *now, const char *reference, size_t size, size_t base) {
    size_t index = 0;
    while (index < size) {
        while (index < size && now[index] == (reference ? reference[index] : 0)) index++;
        if (index == size) break;
        size_t first = index, last = index;
        for (size_t same = 0; index < size && same < PATCH_JOIN_GAP; index++) {
            if (now[index] == (reference ? reference[index] : 0)) {
                same++;
            } else {
                same = 0;
                last = index;
            }
        }
        index = last + 1;
        patches_append(patches, base + first, now + first, last + 1 - first);
    }
}

// Gives back what the list reserved beyond its size.
static void patches_shrink(Patches *patches) {
    if (patches->size == 0 || patches->size == patches->capacity) return;
    char *shrunk = realloc(patches->bytes, patches->size);
    if (shrunk != NULL) patches->bytes = shrunk;
    patches->capacity = patches->size;
}

static void patches_apply(const Patches *patches, char *target) {
    for (size_t at = 0; at < patches->size;) {
        PatchHeader header;
        memcpy(&header, patches->bytes + at, sizeof header);
        memcpy(target + header.offset, patches->bytes + at + sizeof header, header.length);
        at += sizeof header + header.length;
    }
}

struct SpeechStateMark {
    size_t arena_end;
    Patches arena_patches;
    Patches region_patches[MAX_REGIONS];
    uint32_t random_state;
};

void speech_state_free_mark(SpeechStateMark *mark) {
    if (mark == NULL) return;
    free(mark->arena_patches.bytes);
    for (int index = 0; index < region_count; index++) free(mark->region_patches[index].bytes);
    free(mark);
}

// How much of the reference tail a state whose arena ends at `arena_end` starts from.
static size_t reference_tail_used(size_t arena_end) {
    if (arena_end <= saved_arena_used) return 0;
    size_t tail = arena_end - saved_arena_used;
    return tail < reference_tail_size ? tail : reference_tail_size;
}

SpeechStateMark *speech_state_mark(void) {
    if (saved_arena == NULL) return NULL;
    if (reference_tail == NULL && arena_used > saved_arena_used) {
        reference_tail = malloc(arena_used - saved_arena_used);
        if (reference_tail == NULL) return NULL;
        memcpy(reference_tail, arena + saved_arena_used, arena_used - saved_arena_used);
        reference_tail_size = arena_used - saved_arena_used;
    }
    SpeechStateMark *mark = calloc(1, sizeof *mark);
    if (mark == NULL) return NULL;
    mark->arena_end = arena_used;
    size_t common = arena_used < saved_arena_used ? arena_used : saved_arena_used;
    size_t tail = reference_tail_used(arena_used);
    Patches *patches = &mark->arena_patches;
    patches_add_differences(patches, arena, saved_arena, common, 0);
    patches_add_differences(patches, arena + common, reference_tail, tail, common);
    patches_add_differences(patches, arena + common + tail, NULL, arena_used - common - tail, common + tail);
    bool complete = !patches->failed;
    for (int index = 0; complete && index < region_count; index++) {
        Patches *region = &mark->region_patches[index];
        patches_add_differences(region, regions[index].start, regions[index].saved, regions[index].end - regions[index].start, 0);
        complete = !region->failed;
    }
    mark->random_state = random_state;
    if (!complete) {
        speech_state_free_mark(mark);
        return NULL;
    }
    patches_shrink(&mark->arena_patches);
    for (int index = 0; index < region_count; index++) patches_shrink(&mark->region_patches[index]);
    return mark;
}

size_t speech_state_mark_bytes(const SpeechStateMark *mark) {
    size_t bytes = sizeof *mark + mark->arena_patches.capacity;
    for (int index = 0; index < region_count; index++) bytes += mark->region_patches[index].capacity;
    return bytes;
}

void speech_state_restore_mark(const SpeechStateMark *mark) {
    speech_state_restore();
    for (int index = 0; index < region_count; index++) patches_apply(&mark->region_patches[index], regions[index].start);
    size_t tail = reference_tail_used(mark->arena_end);
    if (tail > 0) memcpy(arena + saved_arena_used, reference_tail, tail);
    patches_apply(&mark->arena_patches, arena);
    arena_used = mark->arena_end;
    if (arena_used > arena_high_water) arena_high_water = arena_used;
    random_state = mark->random_state;
}

#ifndef NARRATE_SPEECH_STATE_H
#define NARRATE_SPEECH_STATE_H

#include <stdbool.h>
#include <stddef.h>

/// Gives the named shared libraries (their file names contain one of `libraries`) an allocator
/// and a `rand` of their own, by rewriting their import slots, so that everything they keep
/// between calls lies in their writable segments and one arena. Call before the libraries
/// allocate anything. False when the first library is not loaded, or a loaded one's slots
/// cannot be found; the others are optional (espeak-ng may be built without libsonic).
bool speech_state_install(const char *const *libraries, int count);

/// Remembers the libraries' state as it is now (their writable segments and the arena).
bool speech_state_save(void);

/// Puts the remembered state back: the libraries carry on as if nothing had run since
/// `speech_state_save`. Also clears memory they may read before writing (the arena past the
/// saved part, and the stack below the caller).
void speech_state_restore(void);

/// The state now, kept as its difference from the saved one (what a voice change adds); NULL
/// when memory runs out. Restoring it is cheaper than redoing what led to it.
typedef struct SpeechStateMark SpeechStateMark;
SpeechStateMark *speech_state_mark(void);

/// `speech_state_restore`, then the marked state on top of it.
void speech_state_restore_mark(const SpeechStateMark *mark);

void speech_state_free_mark(SpeechStateMark *mark);

/// The memory a mark holds, in bytes.
size_t speech_state_mark_bytes(const SpeechStateMark *mark);

#endif

internal import CEspeakNG
internal import CSpeechState
import Foundation
import Synchronization

/// Audio and word timings that espeak-ng produced for one piece of text.
package struct Speech: Sendable {
    /// Mono 16-bit samples at `SpeechEngine.sampleRate`.
    package var samples: [Int16]
    package var events: [SpeechEvent]
}

/// Where a word or sentence starts, in the text given and in the audio: what subtitles and
/// highlighting need.
package struct SpeechEvent: Hashable, Sendable {
    package enum Kind: Sendable { case word, sentence }
    package var kind: Kind
    /// Offset in Unicode scalars into the synthesised text.
    package var textOffset: Int
    package var length: Int
    package var sample: Int
}

/// A voice espeak-ng can speak with, as `espeak_ListVoices` reports it.
package struct EngineVoice: Hashable, Sendable {
    package var name: String
    package var identifier: String
    package var languages: [String]
    package var gender: Gender
}

/// The one owner of espeak-ng's process-wide state. espeak-ng is not thread-safe and its
/// parameters outlive a voice change, so every call goes through this lock and every synthesis
/// sets every parameter. Parallel synthesis belongs in separate processes, each with its own.
package final class SpeechEngine: Sendable {
    package static let shared = SpeechEngine()

    private struct State: ~Copyable {
        var sampleRate: Int?
        /// Voice name as narrate spells it (its first language) → the file espeak-ng loads it
        /// from: `espeak_SetVoiceByName` finds `en-us` but not `en-gb`, whose file is `gmw/en`.
        var identifiers: [String: String] = [:]
        /// espeak-ng's state is captured (`captureState`), and a state was saved to start from.
        var capturing = false
        var hasSavedState = false
        /// The state right after loading each of the voices kept, most recent last: restoring
        /// one costs a copy, loading a voice (its files, its dictionary) a few milliseconds, a
        /// sizeable share of a short line.
        var voiceStates: [(name: String, mark: OpaquePointer)] = []
        /// How many segments each voice has spoken in this process.
        var uses: [String: Int] = [:]
    }

    /// Voices whose loaded state is kept: most take a few kilobytes, as a mark keeps only what
    /// differs from the state every voice load starts from (`speech_state_mark`), but one whose
    /// load differs from the first one kept can take as much as a whole state; so the bytes
    /// are bounded too, at what four whole states took.
    private static let keptVoiceStates = 16
    private static let keptStateBytes = 1_300_000

    private let state = Mutex(State())

    private init() {}

    /// Starts espeak-ng on first use. The corresponding C function is `espeak_Initialize`.
    private func initialized(_ state: inout State) throws(NarrateError) -> Int {
        if let rate = state.sampleRate { return rate }
        // The default buffer (0: a fifth of a second) is part of what the audio depends on:
        // espeak-ng 1.51 speaks slightly differently with another (measured), so it stays.
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_DONT_EXIT))
        guard rate > 0 else {
            throw NarrateError(.synthesis, "espeak-ng could not start (its data folder is missing?); install espeak-ng-data")
        }
        espeak_SetSynthCallback(synthCallback)
        state.sampleRate = Int(rate)
        for voice in Self.list(nil) {
            if let language = voice.languages.first?.lowercased(), state.identifiers[language] == nil {
                state.identifiers[language] = voice.identifier
            }
        }
        return Int(rate)
    }

    package func sampleRate() throws(NarrateError) -> Int {
        try state.withLock { (state: inout State) throws(NarrateError) -> Int in try initialized(&state) }
    }

    /// espeak-ng's version (`1.51`): part of what a segment's audio depends on. The
    /// corresponding C function is `espeak_Info`.
    package func version() throws(NarrateError) -> String {
        try state.withLock { (state: inout State) throws(NarrateError) -> String in
            _ = try initialized(&state)
            return espeak_Info(nil).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// The folder espeak-ng reads its data (voices, variants, dictionaries) from.
    package func dataFolder() throws(NarrateError) -> String {
        try state.withLock { (state: inout State) throws(NarrateError) -> String in
            _ = try initialized(&state)
            var path: UnsafePointer<CChar>?
            _ = espeak_Info(&path)
            return path.map { String(cString: $0) } ?? "/usr/lib/x86_64-linux-gnu/espeak-ng-data"
        }
    }

    /// Every voice installed, and separately the variants (`!v/…`). The corresponding C function
    /// is `espeak_ListVoices`.
    package func installedVoices() throws(NarrateError) -> (voices: [EngineVoice], variants: [EngineVoice]) {
        try state.withLock { (state: inout State) throws(NarrateError) in
            _ = try initialized(&state)
            let voices = Self.list(nil)
            let variants = "variant".withCString { pointer -> [EngineVoice] in
                var spec = espeak_VOICE()
                spec.languages = pointer
                return Self.list(&spec)
            }
            return (voices, variants)
        }
    }

    private static func list(_ spec: UnsafeMutablePointer<espeak_VOICE>?) -> [EngineVoice] {
        guard let list = espeak_ListVoices(spec) else { return [] }
        var result: [EngineVoice] = []
        var index = 0
        while let voice = list[index]?.pointee {
            index += 1
            var languages: [String] = []
            if var cursor = voice.languages {
                // A list of (priority byte, NUL-terminated name), ended by an empty name.
                while cursor.pointee != 0 {
                    let name = String(cString: cursor + 1)
                    if name.isEmpty { break }
                    languages.append(name)
                    cursor += name.utf8.count + 2
                }
            }
            let gender: Gender = voice.gender == 1 ? .male : voice.gender == 2 ? .female : .unknown
            result.append(EngineVoice(
                name: voice.name.map { String(cString: $0) } ?? "",
                identifier: voice.identifier.map { String(cString: $0) } ?? "",
                languages: languages, gender: gender))
        }
        return result
    }

    /// Makes espeak-ng's whole state restorable: it (and the libsonic it speeds speech up
    /// with) then allocates from an arena narrate owns and draws breath noise from a generator
    /// narrate owns, so that its writable memory and that arena are all it keeps between calls.
    /// Only before espeak-ng starts; false when that is too late or its library cannot be
    /// found. The synthesis workers use it so that, after `saveState`, every synthesis starts
    /// from the same state: see `SynthesisWorker`.
    package func captureState() -> Bool {
        state.withLock { state in
            guard state.sampleRate == nil, !state.capturing else { return false }
            let libraries = ["libespeak-ng.so", "libsonic.so"]
            let pointers = libraries.map { strdup($0) }
            defer { pointers.forEach { free($0) } }
            let names = pointers.map { UnsafePointer($0) }
            state.capturing = names.withUnsafeBufferPointer { speech_state_install($0.baseAddress, Int32($0.count)) }
            return state.capturing
        }
    }

    /// Saves espeak-ng's state as it is now; every later synthesis starts from it.
    package func saveState() -> Bool {
        state.withLock { state in
            guard state.capturing, state.sampleRate != nil else { return false }
            state.hasSavedState = speech_state_save()
            return state.hasSavedState
        }
    }

    /// Loads voice `name`; with a saved state, from that state, by way of the state the same
    /// load left before (every synthesis with a voice then starts from exactly the same state,
    /// whether or not it was kept).
    private func load(_ name: String, _ state: inout State) throws(NarrateError) {
        let failure = NarrateError(.voice, "espeak-ng cannot load voice \"\(name)\"; run `narrate voices` to see the ones installed")
        guard state.hasSavedState else {
            guard espeak_SetVoiceByName(name) == EE_OK else { throw failure }
            return
        }
        state.uses[name, default: 0] += 1
        if let index = state.voiceStates.firstIndex(where: { $0.name == name }) {
            let kept = state.voiceStates.remove(at: index)
            state.voiceStates.append(kept)
            speech_state_restore_mark(kept.mark)
            return
        }
        speech_state_restore()
        guard espeak_SetVoiceByName(name) == EE_OK else { throw failure }
        guard let mark = speech_state_mark() else {
            throw NarrateError(.synthesis, "out of memory keeping espeak-ng's state for voice \"\(name)\"")
        }
        speech_state_restore_mark(mark)
        state.voiceStates.append((name, mark))
        // The least used voice goes, not the least recent: a scene of five voices taking turns
        // would otherwise evict, one by one, each voice just before it speaks again.
        while state.voiceStates.count > Self.keptVoiceStates
            || state.voiceStates.count > 1 && state.voiceStates.reduce(0, { $0 + speech_state_mark_bytes($1.mark) }) > Self.keptStateBytes,
            let leastUsed = state.voiceStates.indices.dropLast().min(by: { state.uses[state.voiceStates[$0].name, default: 0] < state.uses[state.voiceStates[$1].name, default: 0] })
        {
            speech_state_free_mark(state.voiceStates.remove(at: leastUsed).mark)
        }
    }

    /// Speaks `text` with `voice`, every parameter set afresh. The corresponding C functions are
    /// `espeak_SetVoiceByName`, `espeak_SetParameter` and `espeak_Synth`.
    /// - Parameter sink: when given, takes the samples block by block as espeak-ng makes them
    ///   (and the returned speech holds none); returning false stops synthesis.
    package func synthesize(_ text: String, voice: VoiceSettings, sink: ((UnsafeBufferPointer<Int16>) -> Bool)? = nil) throws(NarrateError) -> Speech {
        try state.withLock { (state: inout State) throws(NarrateError) -> Speech in
            let rate = try initialized(&state)
            guard let identifier = state.identifiers[voice.voice.lowercased()] else {
                throw NarrateError(.voice, "espeak-ng has no voice \"\(voice.voice)\"; run `narrate voices` to see the ones installed")
            }
            let name = voice.variant.map { "\(identifier)+\($0)" } ?? identifier
            try load(name, &state)
            // espeak-ng 1.51 answers EE_INTERNAL_ERROR when punctuation and capitals are set even
            // though it takes them, so those two are set but not checked.
            espeak_SetParameter(espeakPUNCTUATION, 0, 0)
            espeak_SetParameter(espeakCAPITALS, 0, 0)
            let parameters: [(espeak_PARAMETER, Int)] = [
                (espeakRATE, voice.rate), (espeakVOLUME, voice.volume), (espeakPITCH, voice.pitch),
                (espeakRANGE, voice.range), (espeakWORDGAP, 0),
            ]
            for (parameter, value) in parameters {
                guard espeak_SetParameter(parameter, Int32(value), 0) == EE_OK else {
                    throw NarrateError(.synthesis, "espeak-ng refused parameter \(parameter.rawValue)=\(value)")
                }
            }
            let collector = Collector(sampleRate: rate, sink: sink)
            let context = Unmanaged.passRetained(collector)
            defer { context.release() }
            let status = text.withCString { pointer in
                espeak_Synth(pointer, text.utf8.count + 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, context.toOpaque())
            }
            guard status == EE_OK, !collector.stopped else {
                throw NarrateError(.synthesis, "espeak-ng failed to speak a segment (error \(status.rawValue))")
            }
            return Speech(samples: collector.samples, events: collector.events)
        }
    }
}

/// narrate never plays sound: it only asks espeak-ng for samples. Yet espeak-ng 1.51 creates a
/// pcaudiolib device in `espeak_Initialize` whatever the output mode, which connects to
/// PulseAudio or opens ALSA, and prints errors ("Failed to create secure directory") for a user
/// without a home folder. Defining pcaudiolib's constructor here makes the dynamic linker resolve
/// espeak-ng's call to this one, which answers "no device"; synchronous synthesis never uses it.
/// `package`, not internal: optimised builds give internal symbols local linkage, out of the
/// dynamic linker's sight.
@_cdecl("create_audio_device_object")
package func createNoAudioDevice(_ device: UnsafePointer<CChar>?, _ application: UnsafePointer<CChar>?, _ description: UnsafePointer<CChar>?) -> OpaquePointer? {
    nil
}

/// Receives espeak-ng's audio blocks for one `espeak_Synth` call; reached through `user_data`.
private final class Collector {
    let sampleRate: Int
    let sink: ((UnsafeBufferPointer<Int16>) -> Bool)?
    var samples: [Int16] = []
    var events: [SpeechEvent] = []
    var stopped = false

    init(sampleRate: Int, sink: ((UnsafeBufferPointer<Int16>) -> Bool)?) {
        self.sampleRate = sampleRate
        self.sink = sink
    }
}

/// Captures nothing: the collector travels in each event's `user_data`.
private func synthCallback(_ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?) -> Int32 {
    guard let events, let userData = events.pointee.user_data else { return 0 }
    let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
    var event = events
    while event.pointee.type != espeakEVENT_LIST_TERMINATED {
        let kind: SpeechEvent.Kind? = switch event.pointee.type {
        case espeakEVENT_WORD: .word
        case espeakEVENT_SENTENCE: .sentence
        default: nil
        }
        if let kind {
            collector.events.append(SpeechEvent(
                kind: kind, textOffset: max(0, Int(event.pointee.text_position) - 1), length: Int(event.pointee.length),
                sample: Int(event.pointee.audio_position) * collector.sampleRate / 1000))
        }
        event += 1
    }
    guard let wav, count > 0 else { return 0 }
    let block = UnsafeBufferPointer(start: wav, count: Int(count))
    guard let sink = collector.sink else {
        collector.samples.append(contentsOf: block)
        return 0
    }
    if sink(block) { return 0 }
    collector.stopped = true
    return 1
}

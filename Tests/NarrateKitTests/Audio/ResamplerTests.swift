import Foundation
import Testing

@testable import NarrateKit

@Suite struct ResamplerTests {
    /// One second of a 1 kHz tone at 22,050 Hz.
    static let tone: [Int16] = (0..<22_050).map { (index: Int) -> Int16 in
        Int16((sin(Double(index) * 2 * Double.pi * 1_000 / 22_050) * 16_000).rounded())
    }

    func resampled(blocks: Int) throws -> [Int16] {
        let resampler = try Resampler(from: 22_050, to: 48_000)
        var output: [Int16] = []
        let size = (Self.tone.count + blocks - 1) / blocks
        for start in stride(from: 0, to: Self.tone.count, by: size) {
            output += resampler.process(Self.tone[start..<min(Self.tone.count, start + size)])
        }
        return output + resampler.process([][...], last: true)
    }

    @Test func theToneKeepsItsPitchAndLengthAtTheNewRate() throws {
        let output = try resampled(blocks: 1)
        #expect(abs(output.count - 48_000) <= 2, "\(output.count)")
        // 1 kHz: two thousand sign changes a second, at any rate.
        let crossings = zip(output, output.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
        #expect(abs(crossings - 2_000) <= 2, "\(crossings)")
        #expect(abs(Int(output.dropFirst(1_000).dropLast(1_000).map { abs(Int($0)) }.max()!) - 16_000) < 200)
    }

    /// The filter's state carries from block to block: cutting the input anywhere changes nothing.
    @Test func blocksJoinSeamlessly() throws {
        #expect(try resampled(blocks: 7) == resampled(blocks: 1))
    }
}

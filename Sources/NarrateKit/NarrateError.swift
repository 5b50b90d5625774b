/// Every failure narrate reports to a user: one line that says what is wrong and how to fix it.
public struct NarrateError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case input, cast, voice, output, synthesis, usage
    }

    public let kind: Kind
    public let message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

import Foundation
import HearthMarkdown

/// Step timers (content format v2): a step of a card's `## Steps` whose text ends with `{N min}`
/// (1-180) or `{N s}` (1-3600) has a timer of that length; anything else in braces there that
/// starts like a timer (`{3 mins}`, `{0 min}`, `{two min}`, `{3min`) is an error at it.
enum StepTimer {
    enum Reading: Equatable {
        case timer(seconds: Int, label: String)
        case malformed
        /// Braces that are no timer (`{see below}`): text as written.
        case text
    }

    static let units: Set<String> = ["m", "min", "mins", "minute", "minutes", "s", "sec", "secs", "second", "seconds"]

    static func read(_ marker: String) -> Reading {
        var inner = Substring(marker.dropFirst())
        let closed = inner.hasSuffix("}")
        if closed { inner = inner.dropLast() }
        let words = inner.split(separator: " ", omittingEmptySubsequences: false)
        if closed, words.count == 2, let number = Int(words[0]), words[0].allSatisfy(\.isASCII),
            words[0].allSatisfy(\.isNumber)
        {
            switch words[1] {
            case "min" where (1...180).contains(number): return .timer(seconds: number * 60, label: "\(number) min")
            case "s" where (1...3600).contains(number): return .timer(seconds: number, label: "\(number) s")
            default: break
            }
        }
        let trimmed = inner.trimmingCharacters(in: .whitespaces)
        let lastWord = trimmed.split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() } ?? ""
        let startsLikeTimer = trimmed.first?.isNumber == true || units.contains(lastWord)
        return startsLikeTimer ? .malformed : .text
    }

    static func problem(_ marker: String, file: String, at position: SourcePosition) -> Diagnostic {
        .error(
            .stepTimerMalformed, file, position, "'\(marker)' is not a step timer",
            hint: "write {N min} (1 to 180 minutes) or {N s} (1 to 3600 seconds) at the end of the step, e.g. {3 min}")
    }
}

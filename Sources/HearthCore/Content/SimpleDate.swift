/// A calendar date written `YYYY-MM-DD`.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        // Ten ASCII bytes, read as bytes: digits, with `-` after the year and the month.
        guard text.utf8.count == 10 else { return nil }
        var (y, m, d) = (0, 0, 0)
        for (offset, byte) in text.utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case ..<4: y = y * 10 + digit
            case ..<7: m = m * 10 + digit
            default: d = d * 10 + digit
            }
        }
        guard (1...12).contains(m), d >= 1, d <= SimpleDate.days(inMonth: m, year: y) else { return nil }
        year = y
        month = m
        day = d
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `YYYY-MM-DD`, as written (a year before 1000 keeps its leading zeros).
    public var description: String {
        func padded(_ number: Int, to width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, to: 4))-\(padded(month, to: 2))-\(padded(day, to: 2))"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `12 March 2025`.
    public var longForm: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
}
